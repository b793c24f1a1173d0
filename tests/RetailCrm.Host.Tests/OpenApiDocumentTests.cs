using System.Text.Json;

namespace RetailCrm.Host.Tests;

/// <summary>The real host with the first-party modules (members, cards) and no plugins: the API as a vendor reads it.</summary>
public sealed class InstalledModulesHost : IDisposable
{
    public CrmHostFactory Factory { get; } = new(TestDatabase.Sqlite, CrmHostFactory.InstalledModulesPath, CrmHostFactory.NoPlugins);

    public void Dispose() => Factory.Dispose();
}

public sealed class OpenApiDocumentTests(InstalledModulesHost host) : IClassFixture<InstalledModulesHost>
{
    private const string DocumentPath = "/api/docs/v1/openapi.json";
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options"];

    /// <summary>Where the document is written for tools/openapi/lint.sh (tests/run.sh sets it).</summary>
    public static string OutputPath => Environment.GetEnvironmentVariable("RETAILCRM_OPENAPI_DOCUMENT") is { Length: > 0 } path
        ? path
        : Path.Combine(AppContext.BaseDirectory, "openapi", "openapi.json");

    [Fact]
    public async Task Should_describe_the_api_and_no_page()
    {
        using var document = await ReadAsync();

        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();

        paths.ShouldAllBe(path => path.StartsWith("/api/", StringComparison.Ordinal));
        paths.ShouldContain("/api/admin/users");
        paths.ShouldContain("/api/members/customers");
        paths.ShouldContain("/api/pos/cards/{cardNo}/payments");
        paths.ShouldNotContain("/account/login");
        paths.ShouldNotContain("/cards/stock");
        paths.ShouldNotContain("/admin/users");
    }

    [Fact]
    public async Task Should_give_every_operation_a_summary_a_unique_operationId_problem_answers_and_security()
    {
        using var document = await ReadAsync();

        var operations = Operations(document).ToList();

        operations.Count.ShouldBeGreaterThan(100);
        foreach (var (name, operation) in operations)
        {
            operation.TryGetProperty("summary", out var summary).ShouldBeTrue($"{name} has no summary");
            summary.GetString().ShouldNotBeNullOrWhiteSpace(name);
            operation.GetProperty("operationId").GetString().ShouldNotBeNullOrWhiteSpace(name);
            var responses = operation.GetProperty("responses").EnumerateObject().ToDictionary(r => r.Name, r => r.Value);
            responses.Keys.ShouldContain(code => code.StartsWith('2'), $"{name} has no 2xx answer");
            foreach (var code in IsPublic(name) ? ["400"] : new[] { "400", "401", "403" })
            {
                responses.ShouldContainKey(code, name);
                responses[code].GetProperty("content").GetProperty("application/problem+json").GetProperty("schema").GetProperty("$ref").GetString()
                    .ShouldBe("#/components/schemas/ProblemDetails", name);
            }

            if (name.Contains('{', StringComparison.Ordinal))
            {
                responses.ShouldContainKey("404", name);
            }

            var security = operation.TryGetProperty("security", out var requirements) ? requirements.GetArrayLength() : 0;
            if (IsPublic(name))
            {
                security.ShouldBe(0, $"{name} is public: a customer's survey or web form, or a webhook signed with its tenant's secret");
            }
            else
            {
                security.ShouldBeGreaterThan(0, name);
            }
        }

        var ids = operations.Select(o => o.Operation.GetProperty("operationId").GetString()).ToList();
        ids.Distinct().Count().ShouldBe(ids.Count, string.Join(", ", ids.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key)));
        ids.ShouldContain("pos_Pay");
        ids.ShouldContain("cards_Pay");
    }

    [Fact]
    public async Task Should_name_the_fields_at_fault_in_the_problem_details_schema()
    {
        using var document = await ReadAsync();

        var problem = document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("ProblemDetails");

        var properties = problem.GetProperty("properties");
        foreach (var member in new[] { "type", "title", "status", "detail", "instance" })
        {
            properties.TryGetProperty(member, out _).ShouldBeTrue(member);
        }

        properties.GetProperty("errors").GetProperty("additionalProperties").GetProperty("type").GetString().ShouldBe("array");
    }

    [Fact]
    public async Task Should_sign_the_POS_routes_with_the_terminal_scheme_and_the_rest_with_an_API_key_or_the_cookie()
    {
        using var document = await ReadAsync();

        var schemes = document.RootElement.GetProperty("components").GetProperty("securitySchemes");
        var terminal = schemes.GetProperty("terminal");
        terminal.GetProperty("type").GetString().ShouldBe("apiKey");
        terminal.GetProperty("in").GetString().ShouldBe("header");
        terminal.GetProperty("name").GetString().ShouldBe("X-Terminal-Id");
        terminal.GetProperty("description").GetString()!.ShouldSatisfyAllConditions(
            d => d.ShouldContain("X-Signature"),
            d => d.ShouldContain("HMAC-SHA256"),
            d => d.ShouldContain("X-Nonce"),
            d => d.ShouldContain("X-Timestamp"));
        schemes.GetProperty("apiKey").GetProperty("name").GetString().ShouldBe("X-Api-Key");
        schemes.GetProperty("cookie").GetProperty("in").GetString().ShouldBe("cookie");
        schemes.GetProperty("cookie").GetProperty("name").GetString().ShouldBe("retailcrm.auth");

        foreach (var (name, operation) in Operations(document))
        {
            var required = operation.TryGetProperty("security", out var security)
                ? security.EnumerateArray().SelectMany(r => r.EnumerateObject().Select(s => s.Name)).ToList()
                : [];
            if (name.Contains(" /api/pos/", StringComparison.Ordinal))
            {
                required.ShouldBe(["terminal"], name);
            }
            else if (IsPublic(name))
            {
                required.ShouldBeEmpty(name);
            }
            else
            {
                required.ShouldBe(["apiKey", "cookie"], name);
            }
        }
    }

    [Fact]
    public async Task Should_document_the_idempotency_key_and_its_refusals_on_idempotent_writes()
    {
        using var document = await ReadAsync();

        var pay = document.RootElement.GetProperty("paths").GetProperty("/api/pos/cards/{cardNo}/payments").GetProperty("post");

        var header = pay.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "Idempotency-Key");
        header.GetProperty("in").GetString().ShouldBe("header");
        header.GetProperty("required").GetBoolean().ShouldBeTrue();
        var responses = pay.GetProperty("responses");
        responses.TryGetProperty("409", out _).ShouldBeTrue();
        responses.TryGetProperty("422", out _).ShouldBeTrue();
        responses.GetProperty("201").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString()
            .ShouldBe("#/components/schemas/PosTransactionView");
    }

    [Fact]
    public async Task Should_describe_every_tag_and_group_them_by_module()
    {
        using var document = await ReadAsync();

        var tags = document.RootElement.GetProperty("tags").EnumerateArray()
            .ToDictionary(t => t.GetProperty("name").GetString()!, t => t.GetProperty("description").GetString());

        tags.Values.ShouldAllBe(description => !string.IsNullOrWhiteSpace(description));
        tags["Cards / POS"]!.ShouldContain("till");
        foreach (var (name, operation) in Operations(document))
        {
            operation.GetProperty("tags").EnumerateArray().ShouldAllBe(tag => tags.ContainsKey(tag.GetString()!), name);
        }

        var groups = document.RootElement.GetProperty("x-tagGroups").EnumerateArray().Select(g => g.GetProperty("name").GetString()).ToList();
        groups.ShouldBe(["Administration", "Cards", "Customer analysis", "Members", "Sales pipeline", "Service"], ignoreOrder: true);
        var info = document.RootElement.GetProperty("info");
        info.GetProperty("description").GetString().ShouldNotBeNullOrWhiteSpace();
        info.GetProperty("contact").GetProperty("url").GetString().ShouldNotBeNullOrWhiteSpace();
        document.RootElement.GetProperty("servers")[0].GetProperty("url").GetString().ShouldBe("http://localhost");
    }

    /// <summary>The document as served, with every module, for tools/openapi/lint.sh (which tests/run.sh runs after the tests).</summary>
    [Fact]
    public async Task Should_write_the_document_for_the_linters()
    {
        var text = await host.Factory.CreateClient().GetStringAsync(DocumentPath);

        Directory.CreateDirectory(Path.GetDirectoryName(OutputPath)!);
        await File.WriteAllTextAsync(OutputPath, text);

        using var written = JsonDocument.Parse(await File.ReadAllTextAsync(OutputPath));
        written.RootElement.GetProperty("openapi").GetString()!.ShouldStartWith("3.");
    }

    private async Task<JsonDocument> ReadAsync() => JsonDocument.Parse(await host.Factory.CreateClient().GetStringAsync(DocumentPath));

    /// <summary>The operations anyone may call: the customer's survey and web form, and the webhooks that carry their own signature (PBX, SMS gateway).</summary>
    private static bool IsPublic(string operation) =>
        new[] { " /api/service/surveys/", " /api/service/web-form", " /api/service/cti/calls", " /api/service/sms/inbound" }
            .Any(path => operation.Contains(path, StringComparison.Ordinal));

    private static IEnumerable<(string Name, JsonElement Operation)> Operations(JsonDocument document) =>
        document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject()
                .Where(o => Methods.Contains(o.Name))
                .Select(o => ($"{o.Name.ToUpperInvariant()} {path.Name}", o.Value)));
}
