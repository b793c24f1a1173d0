using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace RetailCrm.Modules.Service.Tests.Mail;

public sealed class MailboxesApiTests(MailHost host) : IClassFixture<MailHost>
{
    [Fact]
    public async Task Should_refuse_a_mailbox_with_every_field_at_fault()
    {
        var tenant = await host.TenantAsync();

        var response = await tenant.Client.PostAsJsonAsync("/api/service/mailboxes", new { name = "", host = "bad host!", port = 0, address = tenant.Address, defaultType = "nope" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "name", "host", "port", "userName", "password", "address", "defaultType" })
        {
            errors.TryGetProperty(field, out _).ShouldBeTrue(field);
        }

        (await tenant.Client.GetFromJsonAsync<JsonElement>("/api/service/mailboxes")).GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task Should_keep_the_password_protected_and_unshown_and_test_the_connection()
    {
        var tenant = await host.TenantAsync();

        var shown = await tenant.Client.GetStringAsync($"/api/service/mailboxes/{tenant.MailboxId}");
        var stored = await host.Factory.InTenantAsync(tenant.Name, s => s.GetRequiredService<Infrastructure.Persistence.ServiceDbContext>()
            .Set<Domain.Mail.Mailbox>().AsNoTracking().Select(m => m.ProtectedPassword).SingleAsync());
        var works = await tenant.Client.PostAsync($"/api/service/mailboxes/{tenant.MailboxId}/test", null);
        var moved = await tenant.Client.PutAsJsonAsync($"/api/service/mailboxes/{tenant.MailboxId}", new
        {
            name = "Service", host = host.Mail.ImapHost, port = 1, security = "None", userName = "tests", password = "", address = tenant.Address, defaultType = "inquiry",
        });
        var fails = await tenant.Client.PostAsync($"/api/service/mailboxes/{tenant.MailboxId}/test", null);

        shown.ShouldNotContain("tests\",\"hasPassword\":false");
        JsonDocument.Parse(shown).RootElement.GetProperty("hasPassword").GetBoolean().ShouldBeTrue();
        stored.ShouldNotContain("tests");
        stored.Length.ShouldBeGreaterThan(20);
        works.StatusCode.ShouldBe(HttpStatusCode.OK, await works.Content.ReadAsStringAsync());
        moved.StatusCode.ShouldBe(HttpStatusCode.OK);
        fails.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await fails.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString().ShouldBe("The connection failed");
    }
}
