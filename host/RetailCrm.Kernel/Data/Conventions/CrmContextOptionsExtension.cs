using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Sdk.Data;

namespace RetailCrm.Kernel.Data.Conventions;

/// <summary>Carries a module context's table naming into EF Core's services (the model customizer and the migrations).</summary>
internal sealed class CrmContextOptionsExtension(ModuleNaming naming) : IDbContextOptionsExtension
{
    public ModuleNaming Naming { get; } = naming;

    public DbContextOptionsExtensionInfo Info => new ExtensionInfo(this);

    public void ApplyServices(IServiceCollection services)
    {
    }

    public void Validate(IDbContextOptions options)
    {
    }

    public static ModuleNaming NamingOf(DbContext context) =>
        context.GetService<IDbContextOptions>().FindExtension<CrmContextOptionsExtension>()?.Naming
        ?? throw new InvalidOperationException($"{context.GetType().Name} was not registered by the kernel; call context.AddDbContext<{context.GetType().Name}>() in the module.");

    private sealed class ExtensionInfo(CrmContextOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        private new CrmContextOptionsExtension Extension => (CrmContextOptionsExtension)base.Extension;

        public override bool IsDatabaseProvider => false;

        public override string LogFragment => $"Module={Extension.Naming.ModuleId} ";

        public override int GetServiceProviderHashCode() => Extension.Naming.GetHashCode();

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) =>
            other is ExtensionInfo info && info.Extension.Naming == Extension.Naming;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) =>
            debugInfo["RetailCrm:Module"] = Extension.Naming.ModuleId;
    }
}
