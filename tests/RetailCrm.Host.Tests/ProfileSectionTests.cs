using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Host.Tests;

public sealed class ProfileSectionTests(SqliteHost host) : IClassFixture<SqliteHost>
{
    [Fact]
    public async Task Should_show_a_modules_360_section_only_while_the_module_is_on()
    {
        var factory = host.Factory;
        var name = Names.Tenant("sections");
        var client = await factory.CreateTenantAsync(await factory.SignedInClientAsync(), name);
        var customerId = Guid.NewGuid();
        Task<IReadOnlyList<ProfileSection>> SectionsAsync() =>
            factory.InTenantAsync(name, services => services.GetRequiredService<IProfileSectionProvider>().GetSectionsAsync(customerId));

        (await SectionsAsync()).Select(s => s.Title).ShouldContain("Alpha things");

        foreach (var id in new[] { "beta", "json-plugin", "alpha" })
        {
            (await client.PutAsJsonAsync($"/api/admin/modules/{id}", new { enabled = false })).EnsureSuccessStatusCode();
        }

        (await SectionsAsync()).ShouldBeEmpty();
    }
}
