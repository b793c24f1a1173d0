using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace RetailCrm.Host.OpenApi;

/// <summary>
/// The schema of <see cref="ProblemDetails"/>, which every refusal of the API answers (RFC 9457), as the Kernel
/// writes it: with the fields at fault under <c>errors</c>.
/// </summary>
internal sealed class ProblemDetailsSchema : ISchemaFilter
{
    public static IOpenApiSchema Reference(OperationFilterContext context) => context.SchemaGenerator.GenerateSchema(typeof(ProblemDetails), context.SchemaRepository);

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (context.Type != typeof(ProblemDetails) || schema is not OpenApiSchema problem)
        {
            return;
        }

        problem.Type = JsonSchemaType.Object;
        problem.Description = "RFC 9457 problem details. Further members a refusal carries (e.g. the current `version` on a conflict) stand beside these.";
        problem.Required = new HashSet<string>(StringComparer.Ordinal) { "type", "title", "status" };
        problem.Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
        {
            ["type"] = Text("The refusal: https://retailcrm.dev/problems/{code}, e.g. https://retailcrm.dev/problems/cards/insufficient-balance.", "uri"),
            ["title"] = Text("A short, fixed summary of the kind of refusal."),
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "The HTTP status code." },
            ["detail"] = Text("Why this request was refused, in English."),
            ["instance"] = Text("The request that was refused, when given."),
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "The fields at fault, by their JSON path (e.g. `customer.addresses[0].postcode`), each with its messages.",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = Text("What is wrong with the field.") },
            },
        };
        problem.AdditionalPropertiesAllowed = true;
        problem.AdditionalProperties = null;
    }

    private static OpenApiSchema Text(string description, string? format = null) => new() { Type = JsonSchemaType.String, Description = description, Format = format };
}
