using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Sdk.Data;

/// <summary>What a <see cref="CrmDbContext"/> needs from the kernel. Injected into module DbContexts.</summary>
public interface ICrmDbContextServices
{
    ICurrentTenant CurrentTenant { get; }

    ICurrentUser CurrentUser { get; }

    /// <summary>The table naming of the module that owns a DbContext type.</summary>
    ModuleNaming NamingFor(Type dbContextType);

    /// <summary>Takes the integration events published in this scope and not yet written to an outbox.</summary>
    IReadOnlyList<(string Name, string Payload)> TakePendingEvents();
}
