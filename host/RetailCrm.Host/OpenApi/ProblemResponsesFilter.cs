using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using RetailCrm.Sdk.Web;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace RetailCrm.Host.OpenApi;

/// <summary>
/// Every refusal an operation can answer, as RFC 9457 problem details (<c>application/problem+json</c>, the
/// <see cref="ProblemDetailsSchema"/>): 400 (input), 401 and 403 when it needs a caller, 404 when its path names a
/// record (or its module is off), 409 and 422 for idempotent writes, and each 4xx its action declares.
/// </summary>
internal sealed class ProblemResponsesFilter : IOperationFilter
{
    public const string MediaType = "application/problem+json";

    private static readonly Dictionary<int, string> Descriptions = new()
    {
        [400] = "The input is not valid: `errors` names each field at fault.",
        [401] = "No caller: sign in, or send an API key (or the till's signature on the POS API).",
        [403] = "The caller lacks the permission, or the record is outside the caller's data scope.",
        [404] = "No such record in this tenant, or the module is off for the tenant.",
        [409] = "The current state does not allow this (e.g. the record changed meanwhile, or a request with this Idempotency-Key still runs).",
        [413] = "The request is too large.",
        [422] = "The request cannot be processed as sent (e.g. its Idempotency-Key was used for another request).",
    };

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var api = context.ApiDescription;
        var metadata = api.ActionDescriptor.EndpointMetadata;
        var statuses = new SortedSet<int> { 400 };
        if (!metadata.OfType<IAllowAnonymous>().Any())
        {
            statuses.UnionWith([401, 403]);
        }

        if (api.RelativePath?.Contains('{', StringComparison.Ordinal) == true)
        {
            statuses.Add(404);
        }

        if (metadata.OfType<IdempotentWriteAttribute>().Any())
        {
            statuses.UnionWith([409, 422]);
        }

        operation.Responses ??= [];
        statuses.UnionWith(operation.Responses.Keys.Select(code => int.TryParse(code, out var status) ? status : 0).Where(status => status is >= 400 and < 500));
        var schema = ProblemDetailsSchema.Reference(context);
        foreach (var status in statuses)
        {
            var code = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var description = operation.Responses.TryGetValue(code, out var declared) && !string.IsNullOrWhiteSpace(declared.Description) && declared.Description != ReasonPhrase(status)
                ? declared.Description
                : Descriptions.GetValueOrDefault(status, ReasonPhrase(status));
            operation.Responses[code] = new OpenApiResponse
            {
                Description = description,
                Content = new Dictionary<string, IOpenApiMediaType> { [MediaType] = new OpenApiMediaType { Schema = schema } },
            };
        }
    }

    private static string ReasonPhrase(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);
}
