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

    [Fact]
    public void Should_give_each_problem_with_the_ids_it_concerns()
    {
        var check = ModuleGraph.Check(
            [
                Module("a", dependsOn: [("b", "^1.0.0")]),
                Module("b", dependsOn: [("a", "^1.0.0")]),
                Module("old", sdk: "^0.9.0"),
            ],
            Sdk);

        check.Problems.ShouldBe(
        [
            new ModuleGraphProblem("'old' needs Sdk ^0.9.0, but this host has Sdk 1.4.0.", ["old"]),
            new ModuleGraphProblem("Dependency cycle: a -> b -> a.", ["a", "b"]),
        ], ignoreOrder: true, comparer: new ProblemComparer());
        var e = new ModuleGraphException(check.Problems);
        e.Problems.ShouldBe(check.Problems.Select(p => p.Message).ToList());
        e.Details.ShouldBeSameAs(check.Problems);
    }

    [Fact]
    public void Should_order_a_plugin_after_the_plugins_it_depends_on()
    {
        var graph = ModuleGraph.OrderPlugins(
            [Module("alpha")],
            [Plugin("aaa", dependsOn: [("zzz", "^1.0.0")]), Plugin("mmm"), Plugin("zzz", dependsOn: [("alpha", "^1.0.0")])],
            Sdk);

        graph.Ordered.Select(p => p.Id).ShouldBe(["zzz", "aaa", "mmm"]);
        graph.Refused.ShouldBeEmpty();
        graph.Problems.ShouldBeEmpty();
    }

    [Fact]
    public void Should_fail_a_plugin_whose_plugin_dependency_is_missing_or_out_of_range_and_only_it()
    {
        var graph = ModuleGraph.OrderPlugins(
            [Module("alpha")],
            [
                Plugin("parent"),
                Plugin("newer", dependsOn: [("parent", "^2.0.0")]),
                Plugin("orphan", dependsOn: [("ghost", "^1.0.0")]),
                Plugin("fine", dependsOn: [("parent", "^1.0.0"), ("alpha", "^1.0.0")]),
            ],
            Sdk);

        RefusedIds(graph).ShouldBe(["newer", "orphan"], ignoreOrder: true);
        Reason(graph, "newer").ShouldBe("'newer' depends on 'parent' ^2.0.0, but 1.0.0 is installed.");
        Reason(graph, "orphan").ShouldBe("'orphan' depends on 'ghost' ^1.0.0, which is not installed.");
    }

    [Fact]
    public void Should_fail_every_plugin_that_depends_on_a_failed_plugin_directly_or_not()
    {
        var graph = ModuleGraph.OrderPlugins(
            [Module("alpha")],
            [
                Plugin("top", dependsOn: [("middle", "^1.0.0")]),
                Plugin("middle", dependsOn: [("old", "^1.0.0")]),
                Plugin("old", sdk: "^9.0.0"),
                Plugin("other", dependsOn: [("alpha", "^1.0.0")]),
            ],
            Sdk);

        graph.Ordered.Select(p => p.Id).ShouldBe(["old", "middle", "other", "top"]);
        Reason(graph, "old").ShouldBe("'old' needs Sdk ^9.0.0, but this host has Sdk 1.4.0.");
        Reason(graph, "middle").ShouldBe("'middle' depends on 'old' ^1.0.0, which failed.");
        Reason(graph, "top").ShouldBe("'top' depends on 'middle' ^1.0.0, which failed.");
        RefusedIds(graph).ShouldNotContain("other");
    }

    [Fact]
    public void Should_fail_every_plugin_that_holds_a_duplicate_id_and_what_depends_on_it()
    {
        var twinOne = Plugin("twin", directory: "/p/twin-1");
        var twinTwo = Plugin("Twin", directory: "/p/twin-2");
        var graph = ModuleGraph.OrderPlugins(
            [Module("alpha")],
            [twinOne, twinTwo, Plugin("child", dependsOn: [("twin", "^1.0.0")]), Plugin("single")],
            Sdk);

        graph.Refused[twinOne].ShouldBe(["Duplicate id 'twin' in /p/twin-1 and /p/twin-2."]);
        graph.Refused[twinTwo].ShouldBe(["Duplicate id 'twin' in /p/twin-1 and /p/twin-2."]);
        Reason(graph, "child").ShouldBe("'child' depends on 'twin' ^1.0.0, which failed.");
        RefusedIds(graph).ShouldNotContain("single");
        graph.Ordered.Count.ShouldBe(4);
    }

    [Fact]
    public void Should_fail_a_plugin_that_takes_the_id_of_a_module_but_leave_the_module_to_its_dependants()
    {
        var graph = ModuleGraph.OrderPlugins(
            [Module("alpha", directory: "/m/alpha")],
            [Plugin("Alpha", directory: "/p/alpha"), Plugin("user", dependsOn: [("alpha", "^1.0.0")])],
            Sdk);

        Reason(graph, "Alpha").ShouldBe("'Alpha' in /p/alpha has the id of the installed module in /m/alpha.");
        RefusedIds(graph).ShouldBe(["Alpha"]);
        graph.Problems.ShouldHaveSingleItem().ModuleIds.ShouldBe(["Alpha"]);
    }

    [Fact]
    public void Should_fail_a_cycle_among_plugins_and_what_depends_on_it()
    {
        var graph = ModuleGraph.OrderPlugins(
            [Module("alpha")],
            [
                Plugin("a", dependsOn: [("b", "^1.0.0")]),
                Plugin("b", dependsOn: [("a", "^1.0.0")]),
                Plugin("c", dependsOn: [("a", "^1.0.0")]),
                Plugin("d", dependsOn: [("alpha", "^1.0.0")]),
            ],
            Sdk);

        Reason(graph, "a").ShouldBe("Dependency cycle: a -> b -> a.");
        Reason(graph, "b").ShouldBe("Dependency cycle: a -> b -> a.");
        Reason(graph, "c").ShouldBe("'c' depends on 'a' ^1.0.0, which failed.");
        RefusedIds(graph).ShouldNotContain("d");
        graph.Problems.Count(p => p.Message.StartsWith("Dependency cycle", StringComparison.Ordinal)).ShouldBe(1);
    }

    [Fact]
    public void Should_give_a_plugin_every_reason_it_fails()
    {
        var graph = ModuleGraph.OrderPlugins(
            [Module("alpha", version: "1.2.0")],
            [Plugin("bad", version: "one", sdk: "^9.0.0", dependsOn: [("alpha", "^2.0.0"), ("ghost", "*")])],
            Sdk);

        graph.Refused.Values.ShouldHaveSingleItem().ShouldBe(
        [
            "'bad' has version 'one', which is not SemVer (e.g. 1.0.0).",
            "'bad' needs Sdk ^9.0.0, but this host has Sdk 1.4.0.",
            "'bad' depends on 'alpha' ^2.0.0, but 1.2.0 is installed.",
            "'bad' depends on 'ghost' *, which is not installed.",
        ]);
    }

    private static List<string> RefusedIds(PluginGraph graph) => [.. graph.Refused.Keys.Select(p => p.Id)];

    private static string Reason(PluginGraph graph, string id) =>
        string.Join(" ", graph.Refused.Single(r => r.Key.Id == id).Value);

    private sealed class ProblemComparer : IEqualityComparer<ModuleGraphProblem>
    {
        public bool Equals(ModuleGraphProblem? x, ModuleGraphProblem? y) =>
            x is not null && y is not null && x.Message == y.Message && x.ModuleIds.SequenceEqual(y.ModuleIds);

        public int GetHashCode(ModuleGraphProblem obj) => obj.Message.GetHashCode(StringComparison.Ordinal);
    }

    private static ModuleManifest Module(
        string id, string version = "1.0.0", string sdk = "^1.0.0", (string Id, string Range)[]? dependsOn = null, string? directory = null) =>
        Manifest(ModuleKind.Module, id, version, sdk, dependsOn, directory);

    private static ModuleManifest Plugin(
        string id, string version = "1.0.0", string sdk = "^1.0.0", (string Id, string Range)[]? dependsOn = null, string? directory = null) =>
        Manifest(ModuleKind.Plugin, id, version, sdk, dependsOn, directory ?? "/p/" + id);

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
