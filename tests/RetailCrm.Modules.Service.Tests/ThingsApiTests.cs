using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RetailCrm.Modules.Service.Contracts;

namespace RetailCrm.Modules.Service.Tests;

public sealed class ThingsApiTests(ServiceHost host) : IClassFixture<ServiceHost>
{
    private const string Problems = "https://retailcrm.dev/problems/";

    [Fact]
    public async Task Should_create_a_thing_and_publish_its_event()
    {
        var (tenant, client) = await host.TenantAsync();

        var response = await client.PostAsJsonAsync("/api/service/things", new { name = "  First thing " });

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var created = await response.Content.ReadFromJsonAsync<ThingDto>();
        created!.Name.ShouldBe("First thing");
        response.Headers.Location!.ToString().ShouldBe($"/api/service/things/{created.Id}");
        (await client.GetFromJsonAsync<ThingDto>(response.Headers.Location)).ShouldBe(created);
        (await client.GetFromJsonAsync<ThingDto[]>("/api/service/things")).ShouldBe([created]);
        var published = await host.Factory.OutboxAsync(tenant, "service", "service.thing-created");
        published.ShouldHaveSingleItem().Payload.ShouldContain(created.Id.ToString());
    }

    [Fact]
    public async Task Should_refuse_a_thing_without_a_name_with_the_field_at_fault()
    {
        var (tenant, client) = await host.TenantAsync();

        var response = await client.PostAsJsonAsync("/api/service/things", new { name = "   " });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("type").GetString().ShouldBe(Problems + "service/thing-invalid");
        problem.GetProperty("errors").GetProperty("name")[0].GetString().ShouldBe("Give the thing a name of 1 to 100 characters.");
        (await client.GetFromJsonAsync<ThingDto[]>("/api/service/things")).ShouldBeEmpty();
        (await host.Factory.OutboxAsync(tenant, "service")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Should_answer_404_for_a_thing_of_another_tenant()
    {
        var (_, owner) = await host.TenantAsync();
        var (_, other) = await host.TenantAsync();
        var created = await (await owner.PostAsJsonAsync("/api/service/things", new { name = "Mine" })).Content.ReadFromJsonAsync<ThingDto>();

        var response = await other.GetAsync($"/api/service/things/{created!.Id}");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("type").GetString().ShouldBe(Problems + "service/thing-not-found");
        (await other.GetFromJsonAsync<ThingDto[]>("/api/service/things")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Should_answer_404_and_hide_the_menu_while_the_module_is_off_for_the_tenant()
    {
        var (_, client) = await host.TenantAsync();
        (await client.PostAsJsonAsync("/api/service/things", new { name = "Kept" })).StatusCode.ShouldBe(HttpStatusCode.Created);

        (await client.PutAsJsonAsync("/api/admin/modules/service", new { enabled = false })).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await client.GetAsync("/api/service/things")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("/service")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetStringAsync("/")).ShouldNotContain("data-menu-key=\"service.things\"");

        (await client.PutAsJsonAsync("/api/admin/modules/service", new { enabled = true })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetFromJsonAsync<ThingDto[]>("/api/service/things"))!.Select(t => t.Name).ShouldBe(["Kept"]);
        (await client.GetStringAsync("/")).ShouldContain("data-menu-key=\"service.things\"");
    }

    [Fact]
    public async Task Should_refuse_to_create_without_the_permission()
    {
        var (tenant, admin) = await host.TenantAsync();
        var key = await (await admin.PostAsJsonAsync("/api/admin/api-keys", new { name = "reader", permissions = new[] { ServicePermissions.View } }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var reader = host.Factory.CreateClient(new() { BaseAddress = new Uri($"http://{tenant}.test") });
        reader.DefaultRequestHeaders.Add("X-Api-Key", key.GetProperty("key").GetString());

        (await reader.GetAsync("/api/service/things")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await reader.PostAsJsonAsync("/api/service/things", new { name = "Not allowed" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
