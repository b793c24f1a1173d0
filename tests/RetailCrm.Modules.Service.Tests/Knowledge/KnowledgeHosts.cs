using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace RetailCrm.Modules.Service.Tests.Knowledge;

/// <summary>The real host on a fresh PostgreSQL database, for the search on PostgreSQL's full-text index.</summary>
public sealed class ServicePostgresHost : IDisposable
{
    public CrmHostFactory Factory { get; } = new(TestDatabase.Postgres, CrmHostFactory.InstalledModulesPath, CrmHostFactory.NoPlugins);

    public void Dispose() => Factory.Dispose();
}

/// <summary>A tenant of a test: its admin (an editor of the knowledge base) and helpers to add articles and agents.</summary>
internal sealed record KnowledgeTenant(CrmHostFactory Factory, string Name, HttpClient Admin)
{
    private const string AgentPassword = "Agent-Passw0rd!";

    public static async Task<KnowledgeTenant> CreateAsync(CrmHostFactory factory)
    {
        var name = Names.Tenant("kb");
        return new KnowledgeTenant(factory, name, await factory.CreateTenantAsync(await factory.SignedInClientAsync(), name));
    }

    /// <summary>A signed-in user with the customer-service role: reads the knowledge base, may not write it.</summary>
    public async Task<HttpClient> AgentAsync(string userName = "agent")
    {
        var created = await Admin.PostAsJsonAsync("/api/admin/users", new { userName, displayName = userName, password = AgentPassword, roles = new[] { "customer-service" } });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return await Factory.SignedInClientAsync($"{Name}.test", userName, AgentPassword);
    }

    public async Task<Guid> ArticleAsync(string title, string body, string language = "en", bool published = true, Guid? categoryId = null)
    {
        var response = await Admin.PostAsJsonAsync("/api/service/kb/articles", new { title, body, language, published, categoryId });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}

internal static class KnowledgeApi
{
    public static async Task<JsonElement[]> SearchAsync(this HttpClient client, string query, string? language = null)
    {
        var url = "/api/service/kb/articles?q=" + Uri.EscapeDataString(query) + (language is null ? "" : "&language=" + language);
        var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement[]>() ?? [];
    }

    public static Guid[] Ids(this JsonElement[] hits) => [.. hits.Select(h => h.GetProperty("id").GetGuid())];
}
