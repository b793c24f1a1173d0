using RetailCrm.Sdk.Modularity;

namespace RetailCrm.Samples.BrokenPlugin;

/// <summary>Sample plugin built for Sdk 9; the kernel must refuse it before loading this assembly.</summary>
public sealed class BrokenPluginModule : CrmModule;
