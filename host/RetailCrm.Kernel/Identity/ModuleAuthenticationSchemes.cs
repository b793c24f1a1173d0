using Microsoft.AspNetCore.Http;

namespace RetailCrm.Kernel.Identity;

/// <summary>
/// The authentication schemes modules added, each chosen for requests that carry its header. Filled while the
/// modules register their services, read for every request by the kernel's default scheme.
/// </summary>
internal sealed class ModuleAuthenticationSchemes
{
    private readonly List<(string Scheme, string Header, Type Handler)> _schemes = [];

    /// <summary>Every module scheme, in the order the modules added them.</summary>
    public IReadOnlyList<ApiAuthenticationScheme> All => [.. _schemes.Select(s => new ApiAuthenticationScheme(s.Scheme, s.Header, s.Handler))];

    internal void Add(string scheme, string header, Type handler)
    {
        if (_schemes.Any(s => s.Scheme == scheme || string.Equals(s.Header, header, StringComparison.OrdinalIgnoreCase)))
        {
            throw new InvalidOperationException($"The authentication scheme '{scheme}' or its header '{header}' is registered already.");
        }

        _schemes.Add((scheme, header, handler));
    }

    /// <summary>The module scheme whose header the request carries, or null.</summary>
    public string? For(HttpRequest request)
    {
        foreach (var (scheme, header, _) in _schemes)
        {
            if (request.Headers.ContainsKey(header))
            {
                return scheme;
            }
        }

        return null;
    }
}
