using RetailCrm.Kernel.Data;

namespace RetailCrm.Host.Controllers.Pages;

/// <summary>A unit with its depth in the tree (0 for the head office) and how many users belong to it.</summary>
public sealed record UnitNode(OrganizationUnit Unit, int Depth, int UserCount);

/// <summary>Puts units in tree order (each unit after its parent, siblings by name) for indented lists.</summary>
public static class UnitTree
{
    public static IReadOnlyList<UnitNode> Order(IReadOnlyCollection<OrganizationUnit> units, IReadOnlyDictionary<Guid, int>? userCounts = null)
    {
        var ids = units.Select(u => u.Id).ToHashSet();
        var children = units.ToLookup(u => u.ParentId is { } p && ids.Contains(p) ? p : (Guid?)null);
        var result = new List<UnitNode>(units.Count);
        void Visit(Guid? parent, int depth)
        {
            foreach (var unit in children[parent].OrderBy(u => u.Name, StringComparer.CurrentCulture))
            {
                result.Add(new UnitNode(unit, depth, userCounts?.GetValueOrDefault(unit.Id) ?? 0));
                Visit(unit.Id, depth + 1);
            }
        }

        Visit(null, 0);
        return result;
    }
}
