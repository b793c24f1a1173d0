using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace RetailCrm.Host.OpenApi;

/// <summary>
/// One tag per module and area, described by its controllers' XML <c>summary</c>, and the tags grouped by module
/// (<c>x-tagGroups</c>, read by Redoc) in the order the modules run.
/// </summary>
internal sealed class TagsFilter(ApiOperations operations, XmlDocs xmlDocs) : IDocumentFilter
{
    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        var controllers = context.ApiDescriptions
            .Select(api => ApiOperations.Action(api).ControllerTypeInfo.AsType())
            .Distinct()
            .OrderBy(c => operations.Module(c) == ApiOperations.HostArea ? 0 : 1)
            .ThenBy(c => operations.Tag(c), StringComparer.Ordinal)
            .ToList();
        var tags = controllers
            .GroupBy(operations.Tag, StringComparer.Ordinal)
            .Select(g => new OpenApiTag
            {
                Name = g.Key,
                Description = string.Join(" ", g.Select(xmlDocs.SummaryOf).OfType<string>().Where(s => s.Length > 0).Distinct(StringComparer.Ordinal)) is { Length: > 0 } described
                    ? described
                    : $"The {g.Key} operations.",
            })
            .ToList();
        swaggerDoc.Tags = new HashSet<OpenApiTag>(tags);

        var groups = new JsonArray();
        foreach (var module in controllers.GroupBy(operations.Module, StringComparer.Ordinal))
        {
            groups.Add(new JsonObject
            {
                ["name"] = module.Key,
                ["tags"] = new JsonArray([.. module.Select(operations.Tag).Distinct(StringComparer.Ordinal).Select(t => (JsonNode)JsonValue.Create(t))]),
            });
        }

        swaggerDoc.Extensions ??= new Dictionary<string, IOpenApiExtension>(StringComparer.Ordinal);
        swaggerDoc.Extensions["x-tagGroups"] = new JsonNodeExtension(groups);
    }
}
