using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace RetailCrm.Host.OpenApi;

/// <summary>Declares the API key, the sign-in cookie and every module's header scheme, each described by its handler's XML doc.</summary>
internal sealed class SecuritySchemesFilter(ApiSecuritySchemes schemes, XmlDocs xmlDocs) : IDocumentFilter
{
    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        var authentication = schemes.Authentication;
        swaggerDoc.Components ??= new OpenApiComponents();
        swaggerDoc.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
        var all = swaggerDoc.Components.SecuritySchemes;
        all[ApiSecuritySchemes.ApiKey] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = authentication.ApiKey.Header,
            Description = (xmlDocs.SummaryOf(authentication.ApiKey.HandlerType) ?? "An integration's API key.")
                + " Made by an administrator on the API keys page (or `POST /api/admin/api-keys`); the key is shown once.",
        };
        all[ApiSecuritySchemes.Cookie] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = authentication.SignInCookie,
            Description = "The cookie the sign-in page (`/account/login`) sets for a user: what the product's own pages send. Integrations use an API key.",
        };
        foreach (var scheme in authentication.ModuleSchemes)
        {
            all[ApiSecuritySchemes.IdOf(scheme)] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = scheme.Header,
                Description = xmlDocs.SummaryOf(scheme.HandlerType) ?? $"A module's scheme, chosen by the {scheme.Header} header.",
            };
        }
    }
}
