using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace RetailCrm.Testing;

/// <summary>Reads a Contracts feed (id-ordered keyset pages) as a module that keeps its own copy would.</summary>
public static class FeedPages
{
    /// <summary>Every page of a feed inside the tenant, each starting after the last id of the one before, until one comes back empty.</summary>
    public static async Task<List<IReadOnlyList<T>>> ReadAllAsync<TFeed, T>(this CrmHostFactory factory, string tenant, Func<TFeed, Guid?, Task<IReadOnlyList<T>>> read, Func<T, Guid> id)
        where TFeed : notnull
    {
        var pages = new List<IReadOnlyList<T>>();
        Guid? after = null;
        while (true)
        {
            var page = await factory.InTenantAsync(tenant, services => read(services.GetRequiredService<TFeed>(), after));
            if (page.Count == 0)
            {
                return pages;
            }

            pages.Add(page);
            after = id(page[^1]);
            pages.Count.ShouldBeLessThan(100, "the feed does not end");
        }
    }
}
