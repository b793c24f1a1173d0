using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace RetailCrm.Host.OpenApi;

/// <summary>The API description at <c>/api/docs/v1/openapi.json</c> (and its reader at <c>/api/docs</c>): the API only, no page.</summary>
public static class ApiDocumentRegistration
{
    public const string DocumentName = "v1";
    public const string DocumentPath = "/api/docs/" + DocumentName + "/openapi.json";

    public static IServiceCollection AddRetailCrmApiDocument(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen();
        services.AddSingleton<XmlDocs>();
        services.AddSingleton<ApiOperations>();
        services.AddSingleton<ApiSecuritySchemes>();
        services.AddSingleton<IConfigureOptions<SwaggerGenOptions>, ApiDocumentOptions>();
        return services;
    }

    public static WebApplication UseRetailCrmApiDocument(this WebApplication app)
    {
        app.UseSwagger(options =>
        {
            options.RouteTemplate = "api/docs/{documentName}/openapi.json";
            // The server is the host the document was read from: tenants are told apart by host name.
            options.PreSerializeFilters.Add((document, request) =>
                document.Servers = [new OpenApiServer { Url = $"{request.Scheme}://{request.Host}{request.PathBase}", Description = "This RetailCrm installation (the host name selects the tenant)" }]);
        });
        app.UseSwaggerUI(options =>
        {
            options.RoutePrefix = "api/docs";
            options.SwaggerEndpoint(DocumentPath, "RetailCrm API " + DocumentName);
        });
        return app;
    }
}
