using System.Net;
using System.Text;
using MiniExcelLibs;
using static RetailCrm.Modules.Members.Tests.Import.ImportApi;

namespace RetailCrm.Modules.Members.Tests.Export;

/// <summary>Export of the customer list with the search's filters, as CSV and .xlsx.</summary>
public sealed class ExportTests(MembersHost host) : IClassFixture<MembersHost>
{
    private async Task<HttpClient> TenantWithCustomersAsync()
    {
        var client = await host.Factory.CreateTenantAsync(await host.Factory.SignedInClientAsync(), Names.Tenant("export"));
        await CreateCustomerAsync(client, new { kind = "Person", displayName = "张伟", phone = "13800000001", email = "zhang@example.cn", tags = new[] { "vip" }, tier = "gold" });
        await CreateCustomerAsync(client, new { kind = "Person", displayName = "Anna Smith", phone = "13800000002", tags = new[] { "vip", "expat" } });
        await CreateCustomerAsync(client, new { kind = "Organization", displayName = "Acme Trading, Ltd.", phone = "13800000003" });
        return client;
    }

    [Fact]
    public async Task Should_export_the_filtered_list_as_csv()
    {
        var client = await TenantWithCustomersAsync();

        var response = await client.GetAsync("/api/members/customers/export?format=csv&tag=vip&sort=name");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        response.Content.Headers.ContentDisposition!.FileName!.ShouldEndWith(".csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        lines.Count.ShouldBe(3);
        lines[0].ShouldStartWith("Code,Name,Kind,Phone,E-mail,Tier,Lifecycle class");
        lines[1].ShouldContain(",Anna Smith,Person,+8613800000002,");
        lines[1].ShouldEndWith("\"expat, vip\"");
        lines[2].ShouldContain(",张伟,Person,+8613800000001,zhang@example.cn,gold,");
        lines.ShouldNotContain(l => l.Contains("Acme", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_export_the_list_as_xlsx()
    {
        var client = await TenantWithCustomersAsync();

        var response = await client.GetAsync("/api/members/customers/export?format=xlsx&sort=code");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        rows.Count.ShouldBe(3);
        rows.Select(r => r["Name"]).ShouldBe(["张伟", "Anna Smith", "Acme Trading, Ltd."]);
        rows[0]["Phone"].ShouldBe("+8613800000001");
        rows[2]["Kind"].ShouldBe("Organization");
        rows.Select(r => r["Code"]!.ToString()).Distinct().Count().ShouldBe(3);
    }

    [Fact]
    public async Task Should_refuse_an_unknown_format() =>
        (await (await TenantWithCustomersAsync()).GetAsync("/api/members/customers/export?format=pdf")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
}
