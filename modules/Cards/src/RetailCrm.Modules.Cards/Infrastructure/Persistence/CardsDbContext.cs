using Microsoft.EntityFrameworkCore;
using RetailCrm.Sdk.Data;

namespace RetailCrm.Modules.Cards.Infrastructure.Persistence;

/// <summary>
/// The cards module's tables (prefix <c>cards_</c> / schema <c>cards</c>); each entity is configured by its
/// <see cref="IEntityTypeConfiguration{TEntity}"/> class under <c>Configurations/</c>, which the kernel applies.
/// </summary>
internal sealed class CardsDbContext(DbContextOptions<CardsDbContext> options) : CrmDbContext(options)
{
    public const string ModuleId = "cards";
}
