using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace RetailCrm.Host.OpenApi;

/// <summary>
/// JSON bodies are described once, as <c>application/json</c>: MVC's formatter list would add <c>text/plain</c>,
/// <c>text/json</c> and <c>application/*+json</c> to each, which says nothing more to a caller.
/// </summary>
internal sealed class JsonMediaTypesFilter : IOperationFilter
{
    private const string Json = "application/json";
    private static readonly string[] Aliases = ["text/plain", "text/json", "application/*+json"];

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        Trim(operation.RequestBody?.Content);
        foreach (var response in operation.Responses?.Values.AsEnumerable() ?? [])
        {
            Trim(response.Content);
        }
    }

    private static void Trim(IDictionary<string, IOpenApiMediaType>? content)
    {
        if (content is null || !content.ContainsKey(Json))
        {
            return;
        }

        foreach (var alias in Aliases)
        {
            content.Remove(alias);
        }
    }
}
