using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using RetailCrm.Sdk.Authorization;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace RetailCrm.Host.OpenApi;

/// <summary>
/// Who may call an operation: a module's scheme where the action is limited to it (the POS API: the till's
/// signature), else an API key or the sign-in cookie; anonymous ones say so with an empty requirement. The
/// permission an action requires is named in its description.
/// </summary>
internal sealed class SecurityRequirementFilter(ApiSecuritySchemes schemes) : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            operation.Security = [];
            return;
        }

        OpenApiSecurityRequirement Requirement(string id) => new() { [new OpenApiSecuritySchemeReference(id, context.Document)] = [] };
        if (schemes.ModuleSchemeOf(metadata) is { } module)
        {
            operation.Security = [Requirement(ApiSecuritySchemes.IdOf(module))];
            Describe(operation, $"Only for callers of the `{ApiSecuritySchemes.IdOf(module)}` scheme: every request carries `{module.Header}` and is signed as that scheme describes.");
        }
        else
        {
            operation.Security = [Requirement(ApiSecuritySchemes.ApiKey), Requirement(ApiSecuritySchemes.Cookie)];
        }

        var permissions = metadata.OfType<RequirePermissionAttribute>().Select(p => $"`{p.Permission}`").Distinct(StringComparer.Ordinal).ToList();
        if (permissions.Count > 0)
        {
            Describe(operation, (permissions.Count == 1 ? "Requires the permission " : "Requires the permissions ") + string.Join(", ", permissions) + ".");
        }
    }

    private static void Describe(OpenApiOperation operation, string text) =>
        operation.Description = string.IsNullOrWhiteSpace(operation.Description) ? text : operation.Description + "\n\n" + text;
}
