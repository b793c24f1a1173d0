using Microsoft.EntityFrameworkCore;
using RetailCrm.Sdk.Data;

namespace RetailCrm.Modules.Members.Infrastructure.Persistence;

/// <summary>The members module's tables (prefix <c>members_</c> / schema <c>members</c>).</summary>
internal sealed class MembersDbContext(DbContextOptions<MembersDbContext> options) : CrmDbContext(options)
{
    public const string ModuleId = "members";
}
