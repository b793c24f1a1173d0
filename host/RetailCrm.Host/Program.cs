using RetailCrm.Host.OpenApi;
using RetailCrm.Kernel;
using RetailCrm.Kernel.Hosting;

var builder = WebApplication.CreateBuilder(KernelHosting.Options(args));
builder.AddRetailCrmKernel();
builder.Services.AddRetailCrmApiDocument();

var app = builder.Build();
app.UseRetailCrmApiDocument();
await app.UseRetailCrmKernelAsync();
await app.RunAsync();

/// <summary>Entry point; public so that tests can start the real host.</summary>
public partial class Program;
