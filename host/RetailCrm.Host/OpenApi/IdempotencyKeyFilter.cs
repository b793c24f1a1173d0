using Microsoft.OpenApi;
using RetailCrm.Sdk.Web;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace RetailCrm.Host.OpenApi;

/// <summary>A write marked <c>[IdempotentWrite]</c> needs its <c>Idempotency-Key</c> header; the document says so.</summary>
internal sealed class IdempotencyKeyFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (!context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<IdempotentWriteAttribute>().Any())
        {
            return;
        }

        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = IdempotentWriteAttribute.Header,
            In = ParameterLocation.Header,
            Required = true,
            Description = "A key of your own, unique per intended operation (e.g. a UUID). A retry with the same key and body gets the "
                + "first answer again; the same key with another body is refused (422), and while the first request runs (409).",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = IdempotentWriteAttribute.MaxKeyLength },
        });
    }
}
