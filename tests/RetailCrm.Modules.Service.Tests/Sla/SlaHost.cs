using RetailCrm.Modules.Service.Infrastructure.Persistence;

namespace RetailCrm.Modules.Service.Tests.Sla;

/// <summary>The clocked host for the SLA tests: Monday 7 December 2026, 09:00 in Shanghai at the start.</summary>
public sealed class SlaHost() : ClockedHost(MondayNine, "sla")
{
    /// <summary>Monday 2026-12-07 09:00 Asia/Shanghai.</summary>
    public static readonly DateTimeOffset MondayNine = new(2026, 12, 7, 1, 0, 0, TimeSpan.Zero);

    /// <summary>Gives a user an e-mail address; the users API has no field for it, so straight into the kernel's table (SQLite).</summary>
    public Task SetEmailAsync(string tenant, Guid userId, string email) =>
        InTenantAsync(tenant, services => services.GetRequiredService<ServiceDbContext>().Database
            .ExecuteSqlRawAsync("UPDATE crm_users SET Email = {0} WHERE upper(Id) = upper({1})", email, userId.ToString()));
}
