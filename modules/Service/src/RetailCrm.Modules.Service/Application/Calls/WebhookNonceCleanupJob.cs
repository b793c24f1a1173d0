using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Modules.Service.Domain.Calls;
using RetailCrm.Modules.Service.Infrastructure.Persistence;
using RetailCrm.Sdk.Jobs;
using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Modules.Service.Application.Calls;

/// <summary>Forgets the tenant's webhook nonces once a replay of them would be refused by its timestamp anyway.</summary>
internal sealed class WebhookNonceCleanupJob : ICrmJob
{
    public string Name => "service.webhook-nonces";

    public TimeSpan Interval => TimeSpan.FromHours(1);

    public Task ExecuteAsync(IServiceProvider scopedServices, CancellationToken cancellationToken)
    {
        var db = scopedServices.GetRequiredService<ServiceDbContext>();
        var tenantId = scopedServices.GetRequiredService<ICurrentTenant>().Id;
        var cutoff = scopedServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime - SignedWebhookFilter.NonceLifetime;
        return db.Set<WebhookNonce>().Where(n => n.TenantId == tenantId && n.UsedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }
}
