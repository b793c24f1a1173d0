using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Sales.Domain.Pipelines;

/// <summary>One sales process of a tenant, e.g. "Advertising" or "Events": an ordered list of <see cref="Stage"/>s.</summary>
internal sealed class Pipeline : ITenantOwned
{
    public const int MaxNameLength = 100;

    private Pipeline()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; set; }

    public string Name { get; private set; } = "";

    public string? NameZh { get; private set; }

    /// <summary>Where it is listed among the tenant's pipelines.</summary>
    public int Position { get; private set; }

    /// <summary>The pipeline a new deal goes to when none is named; one per tenant.</summary>
    public bool IsDefault { get; set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>A new pipeline with a checked name; <paramref name="id"/> is given for the tenant's default pipeline, whose id is known.</summary>
    public static Result<Pipeline> Create(string? name, string? nameZh, int position, DateTime now, Guid? id = null)
    {
        var pipeline = new Pipeline { Id = id ?? Guid.NewGuid(), Position = position, CreatedAt = now };
        var renamed = pipeline.Rename(name, nameZh);
        return renamed.IsRefused ? renamed.Refusal : pipeline;
    }

    public Result<Pipeline> Rename(string? name, string? nameZh)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length is 0 or > MaxNameLength)
        {
            return Refusal.Invalid("sales/pipeline-invalid", "name", "Give the pipeline a name of 1 to {0} characters.", MaxNameLength);
        }

        var zh = string.IsNullOrWhiteSpace(nameZh) ? null : nameZh.Trim();
        if (zh is { Length: > MaxNameLength })
        {
            return Refusal.Invalid("sales/pipeline-invalid", "nameZh", "Give the pipeline a name of 1 to {0} characters.", MaxNameLength);
        }

        Name = trimmed;
        NameZh = zh;
        return this;
    }
}
