using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace RetailCrm.Modules.Service.Tests.Channels;

public sealed class WebFormTests(ServiceHost host) : IClassFixture<ServiceHost>
{
    private const string Api = "/api/service/web-form";

    [Fact]
    public async Task The_json_form_opens_a_web_form_ticket_and_refuses_at_the_field()
    {
        var (tenant, admin) = await host.TenantAsync();
        var visitor = Visitor(tenant);

        var refused = await visitor.PostAsJsonAsync(Api, new { contactName = "", body = "" });
        var sent = await visitor.PostAsJsonAsync(Api, new { contactName = "Liu Yang", contactEmail = "liu@example.com", body = "Do you deliver to Pudong?" });

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.TryGetProperty("contactName", out _).ShouldBeTrue();
        errors.TryGetProperty("contactEmail", out _).ShouldBeTrue();
        errors.TryGetProperty("body", out _).ShouldBeTrue();
        sent.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var tickets = await admin.GetFromJsonAsync<JsonElement>("/api/service/tickets?view=All&channel=WebForm");
        tickets.GetProperty("items").EnumerateArray().ShouldHaveSingleItem().GetProperty("contactName").GetString().ShouldBe("Liu Yang");
    }

    [Fact]
    public async Task A_filled_honeypot_pretends_success_and_writes_nothing()
    {
        var (tenant, admin) = await host.TenantAsync();

        var response = await Visitor(tenant).PostAsJsonAsync(Api, new { contactName = "Bot", contactEmail = "bot@example.com", body = "Cheap pills", website = "http://spam.example" });

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await admin.GetFromJsonAsync<JsonElement>("/api/service/tickets?view=All")).GetProperty("total").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task The_sixth_post_in_a_minute_is_refused_with_429()
    {
        var (tenant, _) = await host.TenantAsync();
        var visitor = Visitor(tenant);
        for (var i = 0; i < 5; i++)
        {
            (await visitor.PostAsJsonAsync(Api, new { website = "x" })).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        }

        var sixth = await visitor.PostAsJsonAsync(Api, new { contactName = "Liu Yang", contactEmail = "liu@example.com", body = "Hello" });

        sixth.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        sixth.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task The_public_page_shows_errors_at_the_field_then_the_reference()
    {
        var (tenant, admin) = await host.TenantAsync();
        var visitor = Visitor(tenant);

        var refused = await visitor.SubmitRefusedAsync("/service/contact", "/service/contact", ("contactName", "Zhao Lei"), ("body", "Hello"));
        var done = await visitor.SubmitAndFollowAsync("/service/contact", "/service/contact",
            ("contactName", "Zhao Lei"), ("contactPhone", "13800138009"), ("body", "Is my repair ready?"));

        refused.ShouldContain("id=\"contactEmail-error\"");
        done.ShouldContain("id=\"web-form-sent\"");
        done.ShouldContain("#1");
        (await admin.GetFromJsonAsync<JsonElement>("/api/service/tickets?view=All&channel=WebForm")).GetProperty("total").GetInt32().ShouldBe(1);
    }

    private HttpClient Visitor(string tenant) =>
        host.Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri($"http://{tenant}.test"), AllowAutoRedirect = false });
}
