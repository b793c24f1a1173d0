using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace RetailCrm.Testing;

/// <summary>The real host on Kestrel with the given settings, for a browser to reach: call <c>UseKestrel(0)</c> and <c>StartServer()</c>, then <see cref="Address"/>.</summary>
public sealed class KestrelCrmHost(IReadOnlyDictionary<string, string> settings) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>The address Kestrel really listens on (the port was chosen by the OS).</summary>
    public Uri Address()
    {
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var address = addresses?.FirstOrDefault() ?? throw new InvalidOperationException("Kestrel reports no address.");
        // Kestrel answers on every interface when bound to a wildcard; the default tenant knows 127.0.0.1.
        return new Uri(address.Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal).Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal));
    }
}
