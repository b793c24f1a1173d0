using Microsoft.EntityFrameworkCore;
using RetailCrm.Kernel.Data;

namespace RetailCrm.Host.Administration;

/// <summary>The current tenant's organization tree: add a unit under another, rename one. Codes are unique per tenant, whatever their case.</summary>
public sealed class UnitAdministration(KernelDbContext db)
{
    public const int MaxNameLength = 200;
    public const int MaxCodeLength = 50;

    public async Task<AdminResult> AddChildAsync(Guid? parentId, string? name, string? code, OrganizationUnitKind? kind, CancellationToken cancellationToken)
    {
        var errors = new List<AdminError>();
        var parent = parentId is null ? null : await db.OrganizationUnits.FirstOrDefaultAsync(u => u.Id == parentId, cancellationToken);
        if (parent is null)
        {
            errors.Add(new AdminError("parentId", "unknown-unit", "No such parent unit."));
        }

        name = name?.Trim() ?? "";
        CheckName(name, errors);
        code = code?.Trim() ?? "";
        if (code.Length == 0 || code.Length > MaxCodeLength)
        {
            errors.Add(new AdminError("code", "code-required", "A unit needs a code of at most {0} characters.", MaxCodeLength));
        }
        else
        {
            // A tenant has hundreds of units at most; comparing in memory treats "s01" and "S01" as one code on every provider.
            var codes = await db.OrganizationUnits.Select(u => u.Code).ToListAsync(cancellationToken);
            if (codes.Contains(code, StringComparer.OrdinalIgnoreCase))
            {
                return AdminResult.Conflict("code", "unit-code-taken", "The code '{0}' is taken.", code);
            }
        }

        if (kind is null || !Enum.IsDefined(kind.Value))
        {
            errors.Add(new AdminError("kind", "kind-required", "Choose the kind of unit."));
        }

        if (errors.Count > 0)
        {
            return AdminResult.Invalid(errors);
        }

        var unit = OrganizationUnit.ChildOf(parent!, code, name, kind!.Value);
        db.OrganizationUnits.Add(unit);
        await db.SaveChangesAsync(cancellationToken);
        return AdminResult.Created(unit.Id);
    }

    public async Task<AdminResult> RenameAsync(Guid id, string? name, CancellationToken cancellationToken)
    {
        var unit = await db.OrganizationUnits.FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (unit is null)
        {
            return AdminResult.NotFound("organization unit");
        }

        var errors = new List<AdminError>();
        name = name?.Trim() ?? "";
        CheckName(name, errors);
        if (errors.Count > 0)
        {
            return AdminResult.Invalid(errors);
        }

        unit.Name = name;
        await db.SaveChangesAsync(cancellationToken);
        return AdminResult.Ok;
    }

    private static void CheckName(string name, List<AdminError> errors)
    {
        if (name.Length == 0 || name.Length > MaxNameLength)
        {
            errors.Add(new AdminError("name", "name-required", "A unit needs a name of at most {0} characters.", MaxNameLength));
        }
    }
}
