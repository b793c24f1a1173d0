using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace RetailCrm.Kernel.Hosting;

/// <summary>How the host's builder is created: its content root (where appsettings*.json are) wherever it is started from.</summary>
public static class KernelHosting
{
    /// <summary>The options to create the host's builder with (<c>WebApplication.CreateBuilder(KernelHosting.Options(args))</c>).</summary>
    public static WebApplicationOptions Options(string[] args)
    {
        var operatorSettings = new ConfigurationBuilder()
            .AddEnvironmentVariables("DOTNET_")
            .AddEnvironmentVariables("ASPNETCORE_")
            .AddCommandLine(args)
            .Build();
        return new() { Args = args, ContentRootPath = ContentRoot(operatorSettings, Directory.GetCurrentDirectory(), AppContext.BaseDirectory) };
    }

    /// <summary>
    /// Null (ASP.NET Core's own choice) when the operator names one (<c>ASPNETCORE_CONTENTROOT</c>, <c>DOTNET_CONTENTROOT</c>,
    /// <c>--contentRoot</c>) or the working folder holds an appsettings.json; otherwise the app's base directory, beside
    /// which the build copies appsettings*.json: <c>cd /tmp &amp;&amp; dotnet .../RetailCrm.Host.dll</c> and
    /// <c>dotnet run --project host/RetailCrm.Host</c> from the repository root read them too.
    /// </summary>
    internal static string? ContentRoot(IConfiguration operatorSettings, string workingFolder, string baseDirectory) =>
        !string.IsNullOrEmpty(operatorSettings[WebHostDefaults.ContentRootKey]) || File.Exists(Path.Combine(workingFolder, "appsettings.json"))
            ? null
            : baseDirectory;
}
