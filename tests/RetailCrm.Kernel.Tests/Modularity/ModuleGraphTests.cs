using RetailCrm.Kernel.Modularity;
using RetailCrm.Sdk.Modularity;
using Semver;

namespace RetailCrm.Kernel.Tests.Modularity;

public sealed class ModuleGraphTests
{
    private static readonly SemVersion Sdk = SemVersion.Parse("1.4.0", SemVersionStyles.Strict);

    [Fact]
    public void Should_order_every_module_after_what_it_depends_on()
    {
        var ordered = ModuleGraph.Order(
            [
                Module("cards", dependsOn: [("members", "^1.0.0"), ("points", "^1.0.0")]),
                Module("points", dependsOn: [("members", "^1.0.0")]),
                Module("members"),
                Module("audit"),
            ],
            Sdk);

        ordered.Select(m => m.Id).ShouldBe(["audit", "members", "points", "cards"]);
    }

    [Fact]
    public void Should_put_modules_before_plugins()
    {
        var ordered = ModuleGraph.Order([Plugin("aaa", dependsOn: [("zzz", "^1.0.0")]), Module("zzz"), Module("bbb")], Sdk);

        ordered.Select(m => m.Id).ShouldBe(["bbb", "zzz", "aaa"]);
    }

    [Fact]
    public void Should_match_ids_without_regard_to_case()
    {
        var ordered = ModuleGraph.Order([Module("beta", dependsOn: [("Alpha", "^1.0.0")]), Module("alpha")], Sdk);

        ordered.Select(m => m.Id).ShouldBe(["alpha", "beta"]);
    }

    [Fact]
    public void Should_refuse_a_missing_dependency()
    {
        var e = Should.Throw<ModuleGraphException>(() => ModuleGraph.Order([Module("beta", dependsOn: [("alpha", "^1.0.0")])], Sdk));

        e.Problems.ShouldBe(["'beta' depends on 'alpha' ^1.0.0, which is not installed."]);
    }

    [Theory]
    [InlineData("^2.0.0")]
    [InlineData("~1.1.0")]
    [InlineData(">=1.3.0")]
    public void Should_refuse_a_dependency_whose_version_is_outside_the_range(string range)
    {
        var e = Should.Throw<ModuleGraphException>(() =>
            ModuleGraph.Order([Module("alpha", version: "1.2.0"), Module("beta", dependsOn: [("alpha", range)])], Sdk));

        e.Problems.ShouldBe([$"'beta' depends on 'alpha' {range}, but 1.2.0 is installed."]);
    }

    [Fact]
    public void Should_refuse_a_cycle()
    {
        var e = Should.Throw<ModuleGraphException>(() => ModuleGraph.Order(
            [
                Module("a", dependsOn: [("b", "^1.0.0")]),
                Module("b", dependsOn: [("c", "^1.0.0")]),
                Module("c", dependsOn: [("a", "^1.0.0")]),
                Module("d", dependsOn: [("a", "^1.0.0")]),
            ],
            Sdk));

        e.Problems.ShouldBe(["Dependency cycle: a -> b -> c -> a."]);
    }

    [Fact]
    public void Should_refuse_a_module_that_depends_on_itself()
    {
        var e = Should.Throw<ModuleGraphException>(() => ModuleGraph.Order([Module("a", dependsOn: [("a", "^1.0.0")])], Sdk));

        e.Problems.ShouldBe(["Dependency cycle: a -> a."]);
    }

    [Fact]
    public void Should_refuse_a_duplicate_id()
    {
        var e = Should.Throw<ModuleGraphException>(() =>
            ModuleGraph.Order([Module("alpha", directory: "/m/one"), Module("Alpha", directory: "/m/two")], Sdk));

        e.Problems.ShouldBe(["Duplicate id 'alpha' in /m/one and /m/two."]);
    }

    [Theory]
    [InlineData("^2.0.0")]
    [InlineData("~1.3.0")]
    [InlineData("<1.0.0")]
    public void Should_refuse_a_module_built_for_another_sdk(string sdkRange)
    {
        var e = Should.Throw<ModuleGraphException>(() => ModuleGraph.Order([Module("alpha", sdk: sdkRange)], Sdk));

        e.Problems.ShouldBe([$"'alpha' needs Sdk {sdkRange}, but this host has Sdk 1.4.0."]);
    }

    [Theory]
    [InlineData("^1.0.0")]
    [InlineData("1.x")]
    [InlineData(">=1.2.0 <2.0.0")]
    [InlineData("*")]
    public void Should_accept_a_module_whose_sdk_range_holds_the_host_sdk(string sdkRange) =>
        ModuleGraph.Order([Module("alpha", sdk: sdkRange)], Sdk).ShouldHaveSingleItem();

    [Theory]
    [InlineData("1.0")]
    [InlineData("v1.0.0")]
    [InlineData("one")]
    [InlineData("")]
    public void Should_refuse_a_version_that_is_not_semver(string version)
    {
        var e = Should.Throw<ModuleGraphException>(() => ModuleGraph.Order([Module("alpha", version: version)], Sdk));

        e.Problems.ShouldBe([$"'alpha' has version '{version}', which is not SemVer (e.g. 1.0.0)."]);
    }

    [Fact]
    public void Should_refuse_ranges_that_are_not_ranges()
    {
        var e = Should.Throw<ModuleGraphException>(() =>
            ModuleGraph.Order([Module("alpha"), Module("beta", sdk: "newest", dependsOn: [("alpha", "latest please")])], Sdk));

        e.Problems.ShouldBe(
        [
            "'beta' asks for Sdk 'newest', which is not a version range.",
            "'beta' depends on 'alpha' with 'latest please', which is not a version range.",
        ]);
    }

    [Fact]
    public void Should_refuse_a_manifest_without_an_id()
    {
        var e = Should.Throw<ModuleGraphException>(() => ModuleGraph.Order([Module(" ", directory: "/m/nameless")], Sdk));

        e.Problems.ShouldBe(["The manifest in /m/nameless has no id."]);
    }

    [Fact]
    public void Should_list_every_problem_in_one_exception()
    {
        var e = Should.Throw<ModuleGraphException>(() => ModuleGraph.Order(
            [
                Module("cards", dependsOn: [("members", "^1.0.0")]),
                Module("points", version: "2", dependsOn: [("cards", "^2.0.0")]),
                Module("loops", dependsOn: [("loops", "*")]),
                Module("old", sdk: "^0.9.0"),
                Module("twin", directory: "/m/twin-1"),
                Module("twin", directory: "/m/twin-2"),
            ],
            Sdk));

        string[] expected =
        [
            "Duplicate id 'twin' in /m/twin-1 and /m/twin-2.",
            "'cards' depends on 'members' ^1.0.0, which is not installed.",
            "'points' has version '2', which is not SemVer (e.g. 1.0.0).",
            "'points' depends on 'cards' ^2.0.0, but 1.0.0 is installed.",
            "'old' needs Sdk ^0.9.0, but this host has Sdk 1.4.0.",
            "Dependency cycle: loops -> loops.",
        ];
        e.Problems.ShouldBe(expected, ignoreOrder: true);
        foreach (var problem in expected)
        {
            e.Message.ShouldContain(problem);
        }
    }

    private static ModuleManifest Module(
        string id, string version = "1.0.0", string sdk = "^1.0.0", (string Id, string Range)[]? dependsOn = null, string? directory = null) =>
        Manifest(ModuleKind.Module, id, version, sdk, dependsOn, directory);

    private static ModuleManifest Plugin(string id, (string Id, string Range)[]? dependsOn = null) =>
        Manifest(ModuleKind.Plugin, id, "1.0.0", "^1.0.0", dependsOn, null);

    private static ModuleManifest Manifest(ModuleKind kind, string id, string version, string sdk, (string Id, string Range)[]? dependsOn, string? directory)
    {
        var manifest = new ModuleManifest { Id = id, Version = version, Sdk = sdk, Kind = kind, Directory = directory ?? "/m/" + id };
        foreach (var (dependencyId, range) in dependsOn ?? [])
        {
            manifest.DependsOn[dependencyId] = range;
        }

        return manifest;
    }
}
