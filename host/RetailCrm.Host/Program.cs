using RetailCrm.Kernel;
using RetailCrm.Kernel.Hosting;

var builder = WebApplication.CreateBuilder(KernelHosting.Options(args));
builder.AddRetailCrmKernel();
builder.Services.AddEndpointsApiExplorer();
builder.Services.AddSwaggerGen(options => options.SwaggerDoc("v1", new() { Title = "RetailCrm API", Version = "v1" }));

var app = builder.Build();
app.UseSwagger(options => options.RouteTemplate = "api/docs/{documentName}/openapi.json");
app.UseSwaggerUI(options =>
{
    options.RoutePrefix = "api/docs";
    options.SwaggerEndpoint("/api/docs/v1/openapi.json", "RetailCrm API v1");
});
await app.UseRetailCrmKernelAsync();
await app.RunAsync();

/// <summary>Entry point; public so that tests can start the real host.</summary>
public partial class Program;
