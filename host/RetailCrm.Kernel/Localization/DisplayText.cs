using System.Globalization;
using System.Reflection;
using RetailCrm.Sdk.Results;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Kernel.Localization;

/// <summary>
/// Enum values and amounts as pages show them (see <see cref="IDisplayText"/>). An enum's texts are looked up in
/// its own assembly, then, for a <c>*.Contracts</c> assembly, in its module's, then in the kernel's; for each
/// culture from the user's to <c>en</c>, the type-qualified key wins over the bare value.
/// </summary>
internal sealed class DisplayText(JsonStringLocalizerFactory factory) : IDisplayText
{
    private const string ContractsSuffix = ".Contracts";

    public string Name(Enum value)
    {
        for (var culture = CultureInfo.CurrentUICulture; !string.IsNullOrEmpty(culture.Name); culture = culture.Parent)
        {
            if (Find(value, culture.Name) is { } text)
            {
                return text;
            }
        }

        return Find(value, "en") ?? value.ToString();
    }

    public string Money(long minor, string currency) => new MoneyAmount(minor, currency).ToDisplayString();

    /// <summary>The text of <paramref name="value"/> written for exactly <paramref name="culture"/>, or null.</summary>
    internal string? Find(Enum value, string culture)
    {
        var type = value.GetType();
        string[] keys = [$"{type.Name}.{value}", value.ToString()];
        foreach (var assembly in TextAssemblies(type.Assembly))
        {
            var table = factory.Table(assembly, culture);
            foreach (var key in keys)
            {
                if (table.TryGetValue(key, out var text))
                {
                    return text;
                }
            }
        }

        return null;
    }

    private static IEnumerable<Assembly> TextAssemblies(Assembly owner)
    {
        yield return owner;
        var name = LoadedAssemblies.NameOf(owner);
        if (name.EndsWith(ContractsSuffix, StringComparison.Ordinal) && LoadedAssemblies.ByName(name[..^ContractsSuffix.Length]) is { } implementation)
        {
            yield return implementation;
        }

        yield return typeof(DisplayText).Assembly;
    }
}
