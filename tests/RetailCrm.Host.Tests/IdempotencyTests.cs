using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Kernel.Data;

namespace RetailCrm.Host.Tests;

/// <summary>[IdempotentWrite] on the sample counter: the Idempotency-Key rules of the Till API (issue 4).</summary>
public abstract class IdempotencyTests(CrmHostFactory factory)
{
    private async Task<(HttpClient Client, string Name)> NewTenantAsync()
    {
        var name = Names.Tenant("idem");
        var hostAdmin = await factory.SignedInClientAsync();
        return (await factory.CreateTenantAsync(hostAdmin, name), name);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string? key, string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/alpha/counter")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        }

        return client.SendAsync(request);
    }

    private static async Task<JsonElement> CounterAsync(HttpClient client) =>
        await client.GetFromJsonAsync<JsonElement>("/api/alpha/counter");

    private static string NewKey() => Guid.NewGuid().ToString();

    [Fact]
    public async Task Should_refuse_a_write_without_a_valid_idempotency_key()
    {
        var (client, _) = await NewTenantAsync();

        var missing = await PostAsync(client, null, """{"by":1}""");
        var tooLong = await PostAsync(client, new string('k', 256), """{"by":1}""");

        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        missing.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await missing.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldContain("Idempotency-Key");
        tooLong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await CounterAsync(client)).GetProperty("value").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task Should_replay_the_first_response_for_the_same_key_and_body_and_run_once()
    {
        var (client, _) = await NewTenantAsync();
        var key = NewKey();

        var first = await PostAsync(client, key, """{"by":1}""");
        var again = await PostAsync(client, $"\"{key}\"", """{"by":1}""");

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        again.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await again.Content.ReadAsByteArrayAsync()).ShouldBe(await first.Content.ReadAsByteArrayAsync());
        again.Content.Headers.ContentType.ShouldBe(first.Content.Headers.ContentType);
        again.Headers.Location.ShouldBe(first.Headers.Location);
        (await CounterAsync(client)).GetProperty("value").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Should_refuse_the_same_key_with_a_different_body_with_422()
    {
        var (client, _) = await NewTenantAsync();
        var key = NewKey();
        (await PostAsync(client, key, """{"by":1}""")).StatusCode.ShouldBe(HttpStatusCode.Created);

        var other = await PostAsync(client, key, """{"by":2}""");

        other.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        other.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await other.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString()!.ShouldEndWith("idempotency-key-reused");
        (await CounterAsync(client)).GetProperty("value").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Should_run_once_when_twenty_requests_race_with_one_key()
    {
        var (client, _) = await NewTenantAsync();
        var key = NewKey();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => PostAsync(client, key, """{"by":1}""")));

        responses.Select(r => r.StatusCode).ShouldAllBe(s => s == HttpStatusCode.Created || s == HttpStatusCode.Conflict);
        var created = responses.Where(r => r.StatusCode == HttpStatusCode.Created).ToList();
        created.ShouldNotBeEmpty();
        var bodies = await Task.WhenAll(created.Select(r => r.Content.ReadAsStringAsync()));
        bodies.Distinct().Count().ShouldBe(1);
        foreach (var conflict in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
        {
            (await conflict.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString()!.ShouldEndWith("idempotency-key-in-flight");
        }

        (await CounterAsync(client)).GetProperty("value").GetInt32().ShouldBe(1);
        var retry = await PostAsync(client, key, """{"by":1}""");
        retry.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await retry.Content.ReadAsStringAsync()).ShouldBe(bodies[0]);
    }

    [Fact]
    public async Task Should_keep_the_keys_of_one_tenant_apart_from_another()
    {
        var (first, _) = await NewTenantAsync();
        var (second, _) = await NewTenantAsync();
        var key = NewKey();

        var a = await PostAsync(first, key, """{"by":1}""");
        var b = await PostAsync(second, key, """{"by":5}""");

        a.StatusCode.ShouldBe(HttpStatusCode.Created);
        b.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await b.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("value").GetInt32().ShouldBe(5);
        (await CounterAsync(first)).GetProperty("value").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Should_run_a_key_again_once_it_has_expired()
    {
        var (client, name) = await NewTenantAsync();
        var key = NewKey();
        (await PostAsync(client, key, """{"by":1}""")).StatusCode.ShouldBe(HttpStatusCode.Created);

        var changed = await factory.InTenantAsync(name, services =>
            services.GetRequiredService<KernelDbContext>().IdempotencyRecords
                .Where(r => r.Key == key)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.ExpiresAt, DateTime.UtcNow.AddHours(-1))));
        var again = await PostAsync(client, key, """{"by":1}""");

        changed.ShouldBe(1);
        again.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("value").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task Should_keep_a_completed_key_for_at_least_24_hours()
    {
        var (client, name) = await NewTenantAsync();
        var key = NewKey();
        (await PostAsync(client, key, """{"by":1}""")).StatusCode.ShouldBe(HttpStatusCode.Created);

        var expiresAt = await factory.InTenantAsync(name, services =>
            services.GetRequiredService<KernelDbContext>().IdempotencyRecords.Where(r => r.Key == key).Select(r => r.ExpiresAt).SingleAsync());

        expiresAt.ShouldBeGreaterThanOrEqualTo(DateTime.UtcNow.AddHours(24).AddMinutes(-1));
    }

    [Fact]
    public async Task Should_release_the_key_after_a_server_error_so_that_a_retry_runs()
    {
        var (client, _) = await NewTenantAsync();
        var key = NewKey();

        var first = await PostAsync(client, key, """{"fail":true}""");
        var retry = await PostAsync(client, key, """{"fail":true}""");

        first.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        retry.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await CounterAsync(client)).GetProperty("failures").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task Should_keep_a_client_error_and_replay_it()
    {
        var (client, _) = await NewTenantAsync();
        var key = NewKey();

        var first = await PostAsync(client, key, """{"by":-1}""");
        var again = await PostAsync(client, key, """{"by":-1}""");

        first.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await again.Content.ReadAsStringAsync()).ShouldBe(await first.Content.ReadAsStringAsync());
    }
}

public sealed class IdempotencyTestsOnSqlite(SqliteHost host) : IdempotencyTests(host.Factory), IClassFixture<SqliteHost>;

public sealed class IdempotencyTestsOnPostgres(PostgresHost host) : IdempotencyTests(host.Factory), IClassFixture<PostgresHost>;
