using RetailCrm.Sdk.Modularity;

namespace RetailCrm.Samples.ChildPlugin;

/// <summary>Sample plugin that depends on another plugin; it does nothing else.</summary>
public sealed class ChildPluginModule : CrmModule;
