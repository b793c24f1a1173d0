using System.Net.Http.Json;
using System.Text.Json;
using RetailCrm.Modules.Service.Application.Sla;
using RetailCrm.Sdk.Authorization;

namespace RetailCrm.Modules.Service.Tests.Sla;

/// <summary>The escalation job over the real host, mailing through the throwaway smtp4dev of tests/run.sh.</summary>
public sealed class SlaEscalationTests(SlaHost host) : IClassFixture<SlaHost>
{
    private readonly TestMailServer _mail = TestMailServer.FromEnvironment();

    [Fact]
    public async Task Escalation_mails_each_supervisor_once_per_warning_and_once_per_breach()
    {
        host.Clock.Set(SlaHost.MondayNine);
        var (tenant, admin) = await host.TenantAsync();
        await _mail.ConfigureTenantAsync(admin, "service@example.com", "Service desk");
        var (supervisor, _) = await host.UserAsync(tenant, admin, "wang.fang", [DefaultRoles.DepartmentSupervisor]);
        var address = $"{tenant}-supervisor@example.com";
        await host.SetEmailAsync(tenant, supervisor, address);
        await SlaApi.PolicyAsync(admin, new { name = "Standard", firstResponseMinutes = 60, warningPercent = 80 });
        var ticket = await SlaApi.OpenAsync(admin, "Fridge makes noise");

        host.Clock.Advance(TimeSpan.FromMinutes(40));
        await RunJobAsync(tenant);
        host.Clock.Advance(TimeSpan.FromMinutes(10));
        await RunJobAsync(tenant);
        await RunJobAsync(tenant);
        var warning = await _mail.WaitForAsync(address);
        host.Clock.Advance(TimeSpan.FromMinutes(15));
        await RunJobAsync(tenant);
        await RunJobAsync(tenant);

        warning.Subject.ShouldBe("SLA at risk: #1 Fridge makes noise");
        warning.TextBody!.ShouldContain("first-response");
        await CrmHostFactory.EventuallyAsync(async () => (await _mail.FindAsync(address)).Count >= 2, "the breach mail");
        await Task.Delay(1000);
        var mails = await _mail.FindAsync(address);
        mails.Select(m => m.Subject).Order().ShouldBe(["SLA at risk: #1 Fridge makes noise", "SLA breached: #1 Fridge makes noise"]);
        var history = (await admin.GetFromJsonAsync<JsonElement>($"/api/service/tickets/{ticket}")).GetProperty("history").EnumerateArray();
        history.Count(h => h.GetProperty("field").GetString() == "sla-breached").ShouldBe(1);
        (await SlaApi.ClockAsync(admin, ticket, "FirstResponse")).GetProperty("breachedAt").GetDateTime().ShouldBe(SlaHost.MondayNine.UtcDateTime.AddMinutes(60));
    }

    [Fact]
    public async Task Escalation_mail_is_in_each_supervisors_own_language_else_the_tenants()
    {
        host.Clock.Set(SlaHost.MondayNine);
        var (tenant, admin) = await host.TenantAsync();
        await _mail.ConfigureTenantAsync(admin, "service@example.com", "Service desk");
        var (english, _) = await host.UserAsync(tenant, admin, "wang.fang", [DefaultRoles.DepartmentSupervisor]);
        var (chinese, chineseClient) = await host.UserAsync(tenant, admin, "li.na", [DefaultRoles.Admin]);
        var (englishAddress, chineseAddress) = ($"{tenant}-en@example.com", $"{tenant}-zh@example.com");
        await host.SetEmailAsync(tenant, english, englishAddress);
        await host.SetEmailAsync(tenant, chinese, chineseAddress);
        var own = await chineseClient.PutAsJsonAsync("/api/admin/settings/crm.ui.culture", new { value = "zh-CN", scope = "User" });
        own.IsSuccessStatusCode.ShouldBeTrue(await own.Content.ReadAsStringAsync());
        await SlaApi.PolicyAsync(admin, new { name = "Standard", firstResponseMinutes = 60, warningPercent = 80 });
        await SlaApi.OpenAsync(admin, "Fridge makes noise");

        host.Clock.Advance(TimeSpan.FromMinutes(50));
        await RunJobAsync(tenant);

        (await _mail.WaitForAsync(englishAddress)).Subject.ShouldBe("SLA at risk: #1 Fridge makes noise");
        (await _mail.WaitForAsync(chineseAddress)).Subject.ShouldBe("服务时限即将到期：#1 Fridge makes noise");
    }

    private Task<bool> RunJobAsync(string tenant) => host.InTenantAsync(tenant, async services =>
    {
        await services.GetRequiredService<SlaEscalation>().RunAsync(CancellationToken.None);
        return true;
    });
}
