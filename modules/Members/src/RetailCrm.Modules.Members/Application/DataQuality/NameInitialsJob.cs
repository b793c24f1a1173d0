using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Modules.Members.Domain;
using RetailCrm.Modules.Members.Infrastructure.Persistence;
using RetailCrm.Sdk.Jobs;

namespace RetailCrm.Modules.Members.Application.DataQuality;

/// <summary>
/// Gives the customers stored before names had initials (the migration NameInitials) theirs, a batch per run; every
/// customer written since gets them when written. Idempotent: a customer with initials is never touched again.
/// </summary>
internal sealed class NameInitialsJob : ICrmJob
{
    public const int BatchSize = 1000;

    public string Name => "members.name-initials";

    public TimeSpan Interval => TimeSpan.FromMinutes(5);

    public async Task ExecuteAsync(IServiceProvider scopedServices, CancellationToken cancellationToken)
    {
        var db = scopedServices.GetRequiredService<MembersDbContext>();
        var missing = await db.Set<Customer>().Where(c => c.NameInitials == "" && c.DisplayName != "")
            .OrderBy(c => c.Id).Take(BatchSize).ToListAsync(cancellationToken);
        foreach (var customer in missing)
        {
            customer.NameInitials = NameInitials.Of(customer.DisplayName);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
