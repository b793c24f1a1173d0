using Microsoft.EntityFrameworkCore;
using RetailCrm.Kernel.Data;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Kernel.Administration;

/// <summary>An organization unit of the current tenant.</summary>
public sealed record OrganizationUnitDto(Guid Id, Guid? ParentId, string Name, string Code, OrganizationUnitKind Kind);

/// <summary>A unit with its depth in the tree (0 for the head office) and how many users belong to it.</summary>
public sealed record UnitNode(OrganizationUnitDto Unit, int Depth, int UserCount);

/// <summary>A unit to add under another.</summary>
public sealed record NewUnit(Guid? ParentId, string? Name, string? Code, OrganizationUnitKind? Kind);

/// <summary>The current tenant's organization tree: add a unit under another, rename one. Codes are unique per tenant, whatever their case.</summary>
public interface IUnitAdministration
{
    /// <summary>Every unit, each after its parent (by path).</summary>
    Task<IReadOnlyList<OrganizationUnitDto>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Every unit in tree order (each after its parent, siblings by name) with its depth and user count, for indented lists.</summary>
    Task<IReadOnlyList<UnitNode>> TreeAsync(CancellationToken cancellationToken);

    /// <summary>Adds a unit under an existing one.</summary>
    Task<Result<OrganizationUnitDto>> CreateAsync(NewUnit unit, CancellationToken cancellationToken);

    /// <summary>Renames a unit.</summary>
    Task<Result<OrganizationUnitDto>> RenameAsync(Guid id, string? name, CancellationToken cancellationToken);
}

internal sealed class UnitAdministration(KernelDbContext db) : IUnitAdministration
{
    public const int MaxNameLength = 200;
    public const int MaxCodeLength = 50;

    public async Task<IReadOnlyList<OrganizationUnitDto>> ListAsync(CancellationToken cancellationToken) =>
        await db.OrganizationUnits.AsNoTracking().OrderBy(u => u.Path)
            .Select(u => new OrganizationUnitDto(u.Id, u.ParentId, u.Name, u.Code, u.Kind)).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<UnitNode>> TreeAsync(CancellationToken cancellationToken)
    {
        var units = await ListAsync(cancellationToken);
        var counts = await db.Users.Where(u => u.OrganizationUnitId != null).GroupBy(u => u.OrganizationUnitId!.Value)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return UnitTree.Order(units, counts);
    }

    public async Task<Result<OrganizationUnitDto>> CreateAsync(NewUnit unit, CancellationToken cancellationToken)
    {
        var errors = new List<Refusal>();
        var parent = unit.ParentId is null ? null : await db.OrganizationUnits.FirstOrDefaultAsync(u => u.Id == unit.ParentId, cancellationToken);
        if (parent is null)
        {
            errors.Add(Refusal.Invalid("unknown-unit", "parentId", "No such parent unit."));
        }

        var name = unit.Name?.Trim() ?? "";
        errors.AddIf(CheckName(name));
        var code = unit.Code?.Trim() ?? "";
        if (code.Length == 0 || code.Length > MaxCodeLength)
        {
            errors.Add(Refusal.Invalid("code-required", "code", "A unit needs a code of at most {0} characters.", MaxCodeLength));
        }
        else
        {
            // A tenant has hundreds of units at most; comparing in memory treats "s01" and "S01" as one code on every provider.
            var codes = await db.OrganizationUnits.Select(u => u.Code).ToListAsync(cancellationToken);
            if (codes.Contains(code, StringComparer.OrdinalIgnoreCase))
            {
                return Refusal.Conflict("unit-code-taken", "The code '{0}' is taken.", code).At("code");
            }
        }

        if (unit.Kind is null || !Enum.IsDefined(unit.Kind.Value))
        {
            errors.Add(Refusal.Invalid("kind-required", "kind", "Choose the kind of unit."));
        }

        if (AdminRefusals.Combine(errors) is { } refused)
        {
            return refused;
        }

        var created = OrganizationUnit.ChildOf(parent!, code, name, unit.Kind!.Value);
        db.OrganizationUnits.Add(created);
        await db.SaveChangesAsync(cancellationToken);
        return ToDto(created);
    }

    public async Task<Result<OrganizationUnitDto>> RenameAsync(Guid id, string? name, CancellationToken cancellationToken)
    {
        var unit = await db.OrganizationUnits.FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (unit is null)
        {
            return Refusal.NotFound("not-found", "No such organization unit.");
        }

        name = name?.Trim() ?? "";
        if (CheckName(name) is { } refused)
        {
            return refused;
        }

        unit.Name = name;
        await db.SaveChangesAsync(cancellationToken);
        return ToDto(unit);
    }

    private static Refusal? CheckName(string name) =>
        name.Length == 0 || name.Length > MaxNameLength
            ? Refusal.Invalid("name-required", "name", "A unit needs a name of at most {0} characters.", MaxNameLength)
            : null;

    private static OrganizationUnitDto ToDto(OrganizationUnit unit) => new(unit.Id, unit.ParentId, unit.Name, unit.Code, unit.Kind);
}

/// <summary>Puts units in tree order (each unit after its parent, siblings by name) for indented lists.</summary>
internal static class UnitTree
{
    public static IReadOnlyList<UnitNode> Order(IReadOnlyCollection<OrganizationUnitDto> units, IReadOnlyDictionary<Guid, int> userCounts)
    {
        var ids = units.Select(u => u.Id).ToHashSet();
        var children = units.ToLookup(u => u.ParentId is { } p && ids.Contains(p) ? p : (Guid?)null);
        var result = new List<UnitNode>(units.Count);
        void Visit(Guid? parent, int depth)
        {
            foreach (var unit in children[parent].OrderBy(u => u.Name, StringComparer.CurrentCulture))
            {
                result.Add(new UnitNode(unit, depth, userCounts.GetValueOrDefault(unit.Id)));
                Visit(unit.Id, depth + 1);
            }
        }

        Visit(null, 0);
        return result;
    }
}
