using Microsoft.Extensions.Logging.Abstractions;
using RetailCrm.Kernel.Modularity;

namespace RetailCrm.Kernel.Tests.Modularity;

/// <summary>
/// Loads the sample modules and plugins (copied beside the tests by Samples.targets) once per run:
/// an assembly loaded into the default load context stays there, so loading twice would prove nothing.
/// </summary>
public sealed class SamplesFixture
{
    public static readonly string Root = Path.Combine(AppContext.BaseDirectory, "samples");

    public SamplesFixture() =>
        Catalog = new ModuleLoader(NullLogger.Instance).Load(Path.Combine(Root, "modules"), Path.Combine(Root, "plugins"));

    public ModuleCatalog Catalog { get; }

    public InstalledModule Get(string id) => Catalog.Find(id) ?? throw new InvalidOperationException($"'{id}' was not found in {Root}.");
}

[CollectionDefinition(Name)]
public sealed class SamplesCollectionDefinition : ICollectionFixture<SamplesFixture>
{
    public const string Name = "Samples";
}
