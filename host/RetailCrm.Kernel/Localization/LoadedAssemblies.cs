using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace RetailCrm.Kernel.Localization;

/// <summary>
/// Loaded assemblies found by simple name, for the localizers that need a module's assembly on every page.
/// Walking every loaded assembly's name is far too slow for each badge of a queue page, so a found assembly is
/// remembered; a miss is not, as a module may load after the first look.
/// </summary>
internal static class LoadedAssemblies
{
    private static readonly ConcurrentDictionary<string, WeakReference<Assembly>> Found = new(StringComparer.Ordinal);
    private static readonly ConditionalWeakTable<Assembly, string> Names = new();

    public static Assembly? ByName(string name)
    {
        if (Found.TryGetValue(name, out var known) && known.TryGetTarget(out var assembly))
        {
            return assembly;
        }

        assembly = AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == name);
        if (assembly is not null)
        {
            Found[name] = new WeakReference<Assembly>(assembly);
        }

        return assembly;
    }

    /// <summary>The simple name of <paramref name="assembly"/>, read once.</summary>
    public static string NameOf(Assembly assembly) => Names.GetValue(assembly, a => a.GetName().Name ?? "");
}
