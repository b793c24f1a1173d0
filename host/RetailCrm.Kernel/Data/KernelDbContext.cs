using Microsoft.EntityFrameworkCore;
using RetailCrm.Sdk.Data;

namespace RetailCrm.Kernel.Data;

/// <summary>The kernel's own tables (prefix <c>crm_</c> / schema <c>crm</c>): tenants, users, roles, settings, toggles, keys, deliveries, job leases, idempotency keys, logos.</summary>
internal sealed class KernelDbContext(DbContextOptions<KernelDbContext> options) : CrmDbContext(options)
{
    public const string ModuleId = "crm";

    public DbSet<Tenant> Tenants => Set<Tenant>();

    public DbSet<TenantHostName> TenantHostNames => Set<TenantHostName>();

    public DbSet<TenantModule> TenantModules => Set<TenantModule>();

    public DbSet<OrganizationUnit> OrganizationUnits => Set<OrganizationUnit>();

    public DbSet<User> Users => Set<User>();

    public DbSet<Role> Roles => Set<Role>();

    public DbSet<RolePermission> RolePermissions => Set<RolePermission>();

    public DbSet<UserRole> UserRoles => Set<UserRole>();

    public DbSet<SettingValue> SettingValues => Set<SettingValue>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<EventDelivery> EventDeliveries => Set<EventDelivery>();

    public DbSet<JobLease> JobLeases => Set<JobLease>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    public DbSet<TenantLogo> TenantLogos => Set<TenantLogo>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Tenant>(b =>
        {
            b.ToTable("tenants");
            b.Property(x => x.Name).HasMaxLength(200);
            b.HasMany(x => x.HostNames).WithOne().HasForeignKey(x => x.TenantId);
        });
        modelBuilder.Entity<TenantHostName>(b =>
        {
            b.ToTable("tenant_host_names");
            b.Property(x => x.HostName).HasMaxLength(253);
            b.HasIndex(x => x.HostName).IsUnique();
        });
        modelBuilder.Entity<TenantModule>(b =>
        {
            b.ToTable("tenant_modules");
            b.HasKey(x => new { x.TenantId, x.ModuleId });
            b.Property(x => x.ModuleId).HasMaxLength(100);
        });
        modelBuilder.Entity<OrganizationUnit>(b =>
        {
            b.ToTable("organization_units");
            b.Property(x => x.Name).HasMaxLength(200);
            b.Property(x => x.Code).HasMaxLength(50);
            b.Property(x => x.Path).HasMaxLength(2000);
            b.HasIndex(x => new { x.TenantId, x.Code }).IsUnique();
        });
        modelBuilder.Entity<User>(b =>
        {
            b.ToTable("users");
            b.Property(x => x.UserName).HasMaxLength(100);
            b.Property(x => x.DisplayName).HasMaxLength(200);
            b.Property(x => x.Email).HasMaxLength(254);
            b.HasIndex(x => new { x.TenantId, x.UserName }).IsUnique();
            b.HasMany(x => x.Roles).WithOne().HasForeignKey(x => x.UserId);
        });
        modelBuilder.Entity<Role>(b =>
        {
            b.ToTable("roles");
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.DisplayName).HasMaxLength(200);
            b.HasIndex(x => new { x.TenantId, x.Name }).IsUnique();
            b.HasMany(x => x.Permissions).WithOne().HasForeignKey(x => x.RoleId);
        });
        modelBuilder.Entity<RolePermission>(b =>
        {
            b.ToTable("role_permissions");
            b.HasKey(x => new { x.RoleId, x.Permission });
            b.Property(x => x.Permission).HasMaxLength(200);
        });
        modelBuilder.Entity<UserRole>(b =>
        {
            b.ToTable("user_roles");
            b.HasKey(x => new { x.UserId, x.RoleId });
        });
        modelBuilder.Entity<SettingValue>(b =>
        {
            b.ToTable("setting_values");
            b.Property(x => x.Name).HasMaxLength(200);
            b.HasIndex(x => new { x.Name, x.Scope, x.TenantId, x.UserId }).IsUnique();
        });
        modelBuilder.Entity<ApiKey>(b =>
        {
            b.ToTable("api_keys");
            b.Property(x => x.Name).HasMaxLength(200);
            b.Property(x => x.Prefix).HasMaxLength(20);
            b.HasIndex(x => x.Prefix).IsUnique();
        });
        modelBuilder.Entity<EventDelivery>(b =>
        {
            b.ToTable("event_deliveries");
            b.Property(x => x.SourceModule).HasMaxLength(100);
            b.Property(x => x.EventName).HasMaxLength(200);
            b.Property(x => x.Handler).HasMaxLength(400);
            b.HasIndex(x => new { x.MessageId, x.Handler }).IsUnique();
            b.HasIndex(x => new { x.Status, x.NextAttemptAt });
        });
        modelBuilder.Entity<JobLease>(b =>
        {
            b.ToTable("job_leases");
            b.HasKey(x => new { x.JobName, x.TenantId });
            b.Property(x => x.JobName).HasMaxLength(200);
        });
        modelBuilder.Entity<IdempotencyRecord>(b =>
        {
            b.ToTable("idempotency_keys");
            b.HasKey(x => new { x.TenantId, x.Caller, x.Key });
            b.Property(x => x.Caller).HasMaxLength(300);
            b.Property(x => x.Key).HasMaxLength(255);
            b.Property(x => x.RequestHash).HasMaxLength(64);
            b.Property(x => x.ResponseContentType).HasMaxLength(200);
            b.Property(x => x.ResponseLocation).HasMaxLength(2000);
            b.HasIndex(x => x.ExpiresAt);
        });
        modelBuilder.Entity<TenantLogo>(b =>
        {
            b.ToTable("tenant_logos");
            b.HasKey(x => x.TenantId);
            b.Property(x => x.ContentType).HasMaxLength(50);
            b.Property(x => x.Hash).HasMaxLength(64);
        });
    }
}
