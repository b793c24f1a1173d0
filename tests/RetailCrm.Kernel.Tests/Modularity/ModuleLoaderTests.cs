using System.Reflection;
using System.Runtime.Loader;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;
using RetailCrm.Kernel.Modularity;
using RetailCrm.Kernel.Settings;
using RetailCrm.Samples.Alpha.Contracts;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Data;
using RetailCrm.Sdk.Events;
using RetailCrm.Sdk.Modularity;
using RetailCrm.Sdk.Settings;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Kernel.Tests.Modularity;

[Collection(SamplesCollectionDefinition.Name)]
public sealed class ModuleLoaderTests(SamplesFixture samples)
{
    [Fact]
    public void Should_load_modules_in_dependency_order_then_plugins()
    {
        samples.Catalog.All.Select(m => m.Id).ShouldBe(["alpha", "beta", "broken-plugin", "failing-plugin", "json-plugin"]);
        samples.Catalog.All.Take(2).ShouldAllBe(m => !m.IsPlugin);
        samples.Catalog.All.Skip(2).ShouldAllBe(m => m.IsPlugin);
    }

    [Theory]
    [InlineData("alpha", "RetailCrm.Samples.Alpha", "AlphaModule")]
    [InlineData("beta", "RetailCrm.Samples.Beta", "BetaModule")]
    public void Should_load_a_module_into_the_default_context_from_its_folder(string id, string assemblyName, string moduleClass)
    {
        var module = samples.Get(id);

        module.State.ShouldBe(ModuleLoadState.Loaded, module.Error);
        module.Assembly.ShouldNotBeNull().GetName().Name.ShouldBe(assemblyName);
        AssemblyLoadContext.GetLoadContext(module.Assembly).ShouldBeSameAs(AssemblyLoadContext.Default);
        Path.GetDirectoryName(module.Assembly.Location).ShouldBe(Path.Combine(SamplesFixture.Root, "modules", id));
        module.Instance.ShouldNotBeNull().GetType().Name.ShouldBe(moduleClass);
        module.Instance.Manifest.ShouldBeSameAs(module.Manifest);
        module.Manifest.Kind.ShouldBe(ModuleKind.Module);
    }

    [Fact]
    public void Should_read_the_manifest_of_a_module()
    {
        var beta = samples.Get("beta").Manifest;

        beta.Version.ShouldBe("1.0.0");
        beta.DependsOn.ShouldBe(new Dictionary<string, string> { ["alpha"] = "^1.0.0" });
        samples.Get("alpha").Manifest.DisplayNameFor("zh-CN").ShouldBe("阿尔法（示例）");
        samples.Get("alpha").Manifest.DisplayNameFor("fr").ShouldBe("Alpha (sample)");
    }

    [Fact]
    public void Should_know_which_module_owns_a_type()
    {
        var alpha = samples.Get("alpha");
        var controller = alpha.Assembly!.GetType("RetailCrm.Samples.Alpha.ThingsController", throwOnError: true)!;

        samples.Catalog.OwnerOf(controller).ShouldBeSameAs(alpha);
        samples.Catalog.OwnerOf(typeof(ModuleLoader)).ShouldBeNull();
    }

    [Fact]
    public void Should_load_a_plugin_into_its_own_context_with_its_own_newtonsoft_json()
    {
        var plugin = samples.Get("json-plugin");

        plugin.State.ShouldBe(ModuleLoadState.Loaded, plugin.Error);
        var context = AssemblyLoadContext.GetLoadContext(plugin.Assembly.ShouldNotBeNull());
        context.ShouldNotBeNull().ShouldNotBeSameAs(AssemblyLoadContext.Default);

        var report = JsonPluginReport(plugin);
        report["newtonsoftVersion"].ShouldBe("12.0.0.0");
        report["serialized"].ShouldBe("""{"plugin":"json-plugin","numbers":[1,2,3]}""");
        typeof(JsonConvert).Assembly.GetName().Version.ShouldNotBeNull().Major.ShouldBe(13);
        context.Assemblies.ShouldContain(a => a.GetName().Name == "Newtonsoft.Json" && a.GetName().Version!.Major == 12);
    }

    [Fact]
    public void Should_share_the_sdk_and_contracts_with_a_plugin()
    {
        var plugin = samples.Get("json-plugin");

        plugin.Instance.ShouldBeAssignableTo<CrmModule>();
        var referenced = plugin.Assembly!.GetTypes()
            .SelectMany(t => t.GetInterfaces())
            .Single(i => i.IsGenericType && i.GetGenericTypeDefinition().FullName == typeof(IIntegrationEventHandler<>).FullName);
        referenced.ShouldBe(typeof(IIntegrationEventHandler<AlphaThingCreatedIntegrationEvent>));
    }

    [Fact]
    public async Task Should_let_the_host_call_a_plugin_handler_through_the_shared_contract()
    {
        var plugin = samples.Get("json-plugin");
        var services = new ServiceCollection();
        plugin.Instance!.ConfigureServices(new ModuleServiceContext(plugin.Manifest, services, new ConfigurationBuilder().Build(), new RecordingRegistrar()));
        await using var provider = services.BuildServiceProvider();
        var before = (int)JsonPluginReport(plugin)["eventsHandled"];

        foreach (var handler in provider.GetServices<IIntegrationEventHandler<AlphaThingCreatedIntegrationEvent>>())
        {
            await handler.HandleAsync(new AlphaThingCreatedIntegrationEvent(Guid.NewGuid(), "thing"), CancellationToken.None);
        }

        ((int)JsonPluginReport(plugin)["eventsHandled"]).ShouldBe(before + 1);
    }

    [Fact]
    public void Should_report_a_plugin_built_for_another_sdk_as_failed_without_loading_it()
    {
        var plugin = samples.Get("broken-plugin");

        plugin.State.ShouldBe(ModuleLoadState.Failed);
        plugin.Error.ShouldBe($"'broken-plugin' needs Sdk ^9.0.0, but this host has Sdk {ModuleLoader.SdkVersion}.");
        plugin.Assembly.ShouldBeNull();
        plugin.Instance.ShouldBeNull();
        samples.Catalog.Running.ShouldNotContain(plugin);
        AppDomain.CurrentDomain.GetAssemblies().ShouldNotContain(a => a.GetName().Name == "RetailCrm.Samples.BrokenPlugin");
    }

    [Fact]
    public async Task Should_load_a_plugin_that_fails_only_when_it_starts()
    {
        var plugin = samples.Get("failing-plugin");

        plugin.State.ShouldBe(ModuleLoadState.Loaded, plugin.Error);
        AssemblyLoadContext.GetLoadContext(plugin.Assembly!).ShouldNotBeSameAs(AssemblyLoadContext.Default);
        var e = await Should.ThrowAsync<InvalidOperationException>(() =>
            plugin.Instance!.InitializeAsync(new ModuleLifecycleContext(plugin.Manifest, new ServiceCollection().BuildServiceProvider()), CancellationToken.None));
        e.Message.ShouldBe("failing-plugin fails on purpose when it starts.");
    }

    [Fact]
    public async Task Should_register_what_a_module_declares()
    {
        var alpha = samples.Get("alpha");
        var services = new ServiceCollection();
        var registrar = new RecordingRegistrar();
        alpha.Instance!.ConfigureServices(new ModuleServiceContext(alpha.Manifest, services, new ConfigurationBuilder().Build(), registrar));
        await using var provider = services.BuildServiceProvider();

        registrar.Registered.ShouldBe([("alpha", "AlphaDbContext")]);
        provider.GetServices<IMenuContributor>().SelectMany(m => m.GetMenuItems())
            .ShouldHaveSingleItem().ShouldSatisfyAllConditions(
                item => item.Key.ShouldBe("alpha.things"),
                item => item.TextZh.ShouldBe("阿尔法"));
        var permissions = new List<PermissionDefinition>();
        foreach (var definitions in provider.GetServices<IPermissionDefinitionProvider>())
        {
            definitions.Define(new PermissionCollector(permissions));
        }

        permissions.Select(p => p.Name).ShouldBe([AlphaPermissions.ViewThings]);

        var settings = new SettingDefinitions(provider.GetServices<ISettingDefinitionProvider>(), samples.Catalog);
        var greeting = settings.Get("alpha.greeting");
        greeting.ShouldSatisfyAllConditions(
            () => greeting.Type.ShouldBe(SettingType.String),
            () => greeting.DefaultValue.ShouldBe("hello"),
            () => greeting.UserOverridable.ShouldBeTrue(),
            () => greeting.ModuleId.ShouldBe("alpha"));
        var limit = settings.Get("alpha.limit");
        limit.Type.ShouldBe(SettingType.Int);
        limit.DefaultValue.ShouldBe("10");
        Should.Throw<SettingValidationException>(() => SettingDefinitions.Validate(limit, "ten"));
    }

    private static IReadOnlyDictionary<string, object> JsonPluginReport(InstalledModule plugin)
    {
        var build = plugin.Assembly!.GetType("RetailCrm.Samples.JsonPlugin.VersionReport", throwOnError: true)!
            .GetMethod("Build", BindingFlags.Public | BindingFlags.Static)!;
        return (IReadOnlyDictionary<string, object>)build.Invoke(null, null)!;
    }

    private sealed class RecordingRegistrar : IModuleRegistrar
    {
        public List<(string ModuleId, string Context)> Registered { get; } = [];

        public void AddDbContext<TContext>(ModuleManifest manifest) where TContext : CrmDbContext =>
            Registered.Add((manifest.Id, typeof(TContext).Name));

        public void AddAuthenticationScheme<THandler>(ModuleManifest manifest, string scheme, string header) where THandler : AuthenticationHandler<AuthenticationSchemeOptions> =>
            Registered.Add((manifest.Id, scheme));
    }

    private sealed class PermissionCollector(List<PermissionDefinition> into) : IPermissionDefinitionContext
    {
        public PermissionDefinition Add(PermissionDefinition definition)
        {
            into.Add(definition);
            return definition;
        }
    }
}
