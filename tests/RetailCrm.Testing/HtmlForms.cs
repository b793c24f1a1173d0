using System.Net;
using System.Text.RegularExpressions;
using Shouldly;

namespace RetailCrm.Testing;

/// <summary>Submits a page's real HTML form: finds it by its action, keeps its hidden fields (antiforgery token included), checks that every field sent is in it.</summary>
public static partial class HtmlForms
{
    /// <summary>GETs the page, POSTs the form whose action is <paramref name="action"/> with the given fields, and returns the answer (not followed).</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string page, string action, params (string Name, string Value)[] fields) =>
        await client.SubmitHtmlAsync(await client.GetStringAsync(page), action, fields);

    /// <summary>POSTs the form of an HTML page already in hand (e.g. a form shown again with a warning).</summary>
    public static async Task<HttpResponseMessage> SubmitHtmlAsync(this HttpClient client, string html, string action, params (string Name, string Value)[] fields) =>
        await client.PostAsync(action, new FormUrlEncodedContent(Values(html, action, fields)));

    /// <summary>GETs the page and POSTs its form as <c>multipart/form-data</c>, with files as a browser uploads them.</summary>
    public static async Task<HttpResponseMessage> SubmitFilesAsync(
        this HttpClient client, string page, string action, IEnumerable<(string Name, string FileName, byte[] Content)> files, params (string Name, string Value)[] fields)
    {
        var html = await client.GetStringAsync(page);
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in Values(html, action, fields))
        {
            content.Add(new StringContent(value), name);
        }

        foreach (var (name, fileName, bytes) in files)
        {
            Form(html, action).ShouldContain($"name=\"{name}\"", customMessage: $"The form posting to {action} has no file field {name}.");
            content.Add(new ByteArrayContent(bytes), name, fileName);
        }

        return await client.PostAsync(action, content);
    }

    private static List<KeyValuePair<string, string>> Values(string html, string action, (string Name, string Value)[] fields)
    {
        var form = FormPattern().Matches(html).FirstOrDefault(m => m.Groups["action"].Value == action)
            ?? throw new InvalidOperationException($"No form posting to {action} on the page.");
        var body = form.Groups["body"].Value;
        var values = HiddenPattern().Matches(body)
            .Where(m => fields.All(f => f.Name != m.Groups["name"].Value))
            .Select(m => new KeyValuePair<string, string>(m.Groups["name"].Value, WebUtility.HtmlDecode(m.Groups["value"].Value)))
            .ToList();
        foreach (var (name, value) in fields)
        {
            body.ShouldContain($"name=\"{name}\"", customMessage: $"The form posting to {action} has no field {name}.");
            values.Add(new KeyValuePair<string, string>(name, value));
        }

        return values;
    }

    /// <summary>Submits the form, expects the redirect that means "done", and returns the page it leads to.</summary>
    public static async Task<string> SubmitAndFollowAsync(this HttpClient client, string page, string action, params (string Name, string Value)[] fields)
    {
        var response = await client.SubmitAsync(page, action, fields);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return WebUtility.HtmlDecode(await client.GetStringAsync(response.Headers.Location));
    }

    /// <summary>Submits the form, expects it shown again (refused: 200, or 400/409/422 naming why), and returns that page.</summary>
    public static async Task<string> SubmitRefusedAsync(this HttpClient client, string page, string action, params (string Name, string Value)[] fields)
    {
        var response = await client.SubmitAsync(page, action, fields);
        response.StatusCode.ShouldBeOneOf(HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.Conflict, HttpStatusCode.UnprocessableEntity);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The HTML of the form posting to <paramref name="action"/>.</summary>
    public static string Form(string html, string action) =>
        FormPattern().Matches(html).Single(m => m.Groups["action"].Value == action).Groups["body"].Value;

    [GeneratedRegex("<form[^>]*action=\"(?<action>[^\"]+)\"[^>]*>(?<body>.*?)</form>", RegexOptions.Singleline)]
    private static partial Regex FormPattern();

    [GeneratedRegex("<input[^>]*name=\"(?<name>[^\"]+)\"[^>]*type=\"hidden\"[^>]*value=\"(?<value>[^\"]*)\"|<input[^>]*type=\"hidden\"[^>]*name=\"(?<name>[^\"]+)\"[^>]*value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenPattern();
}
