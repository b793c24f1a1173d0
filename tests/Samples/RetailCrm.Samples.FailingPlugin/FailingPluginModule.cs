using RetailCrm.Sdk.Modularity;

namespace RetailCrm.Samples.FailingPlugin;

/// <summary>Sample plugin whose start always fails.</summary>
public sealed class FailingPluginModule : CrmModule
{
    public const string Message = "failing-plugin fails on purpose when it starts.";

    public override Task InitializeAsync(ModuleLifecycleContext context, CancellationToken cancellationToken) =>
        throw new InvalidOperationException(Message);
}
