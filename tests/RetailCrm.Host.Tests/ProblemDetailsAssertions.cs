using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace RetailCrm.Host.Tests;

/// <summary>Checks of an admin API refusal: RFC 9457 problem details with its status, type and the fields at fault.</summary>
internal static class ProblemDetailsAssertions
{
    /// <summary>Asserts the status, the problem+json content type and the problem type; answers the problem.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status, string type)
    {
        response.StatusCode.ShouldBe(status, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("type").GetString()!.ShouldEndWith("/" + type);
        return problem;
    }

    /// <summary>The names of the fields under <c>errors</c>.</summary>
    public static string[] ErrorFields(JsonElement problem) => problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToArray();
}
