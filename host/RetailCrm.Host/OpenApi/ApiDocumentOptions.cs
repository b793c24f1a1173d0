using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace RetailCrm.Host.OpenApi;

/// <summary>What the document says about the whole API, which operations it holds and how each is named and described.</summary>
internal sealed class ApiDocumentOptions(XmlDocs xmlDocs, ApiOperations operations) : IConfigureOptions<SwaggerGenOptions>
{
    public void Configure(SwaggerGenOptions options)
    {
        options.SwaggerDoc(ApiDocumentRegistration.DocumentName, new OpenApiInfo
        {
            Title = "RetailCrm API",
            Version = ApiDocumentRegistration.DocumentName,
            Description = """
                The API of a RetailCrm installation: administration of the tenant (users, roles, units, modules, settings,
                API keys), and the API of every module that runs (members, cards, ...). The host name the request is sent to
                selects the tenant.

                **Authentication.** Integrations send an API key (`X-Api-Key`), made on the API keys page and bound to one
                tenant and a list of permissions; the browser sends the sign-in cookie. Tills call the POS API with their
                terminal's signature instead. An operation that needs a permission names it.

                **Refusals** are RFC 9457 problem details (`application/problem+json`): `type` names the refusal
                (`https://retailcrm.dev/problems/{code}`), `detail` says why in English, and `errors` names every field
                at fault by its JSON path. Writes marked with an `Idempotency-Key` header may be retried with the same key:
                the first answer is replayed.

                Amounts are in the currency's minor unit (fen for CNY) unless a field says otherwise.
                """,
            Contact = new OpenApiContact { Name = "RetailCrm", Url = new Uri("https://retailcrm.dev/support"), Email = "support@retailcrm.dev" },
            License = new OpenApiLicense { Name = "Proprietary", Url = new Uri("https://retailcrm.dev/license") },
        });

        // Pages (views, the sign-in form) stay out: the document describes what a program can call.
        options.DocInclusionPredicate((_, api) => ApiOperations.IsApi(api));
        options.CustomOperationIds(ApiOperations.OperationId);
        options.TagActionsBy(api => [operations.Tag(api)]);
        foreach (var (path, _) in xmlDocs.Files)
        {
            options.IncludeXmlComments(path);
        }

        options.SchemaFilter<ProblemDetailsSchema>();
        options.OperationFilter<EndpointSummaryFilter>();
        options.OperationFilter<JsonMediaTypesFilter>();
        options.OperationFilter<IdempotencyKeyFilter>();
        options.OperationFilter<ProblemResponsesFilter>();
        options.OperationFilter<SecurityRequirementFilter>();
        options.DocumentFilter<SecuritySchemesFilter>();
        options.DocumentFilter<TagsFilter>();
    }
}
