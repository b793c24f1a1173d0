using RetailCrm.Kernel.Events;
using RetailCrm.Sdk.Data;
using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Kernel.Data;

internal sealed class CrmDbContextServices(ICurrentTenant currentTenant, ICurrentUser currentUser, DbContextRegistry registry, EventBus eventBus) : ICrmDbContextServices
{
    public ICurrentTenant CurrentTenant { get; } = currentTenant;

    public ICurrentUser CurrentUser { get; } = currentUser;

    public ModuleNaming NamingFor(Type dbContextType) => registry.NamingFor(dbContextType);

    public IReadOnlyList<(string Name, string Payload)> TakePendingEvents() => eventBus.TakePending();
}
