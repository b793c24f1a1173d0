using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Service.Domain.Knowledge;

/// <summary>A shelf of the knowledge base (refunds, repairs, cards...); an article sits on one or on none.</summary>
internal sealed class KnowledgeCategory : ITenantOwned
{
    public const int MaxNameLength = 100;

    private KnowledgeCategory()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; set; }

    public string Name { get; private set; } = "";

    public static Result<KnowledgeCategory> Create(string? name) =>
        ValidName(name) is { IsRefused: true } refused ? refused.Refusal : new KnowledgeCategory { Id = Guid.NewGuid(), Name = name!.Trim() };

    public Refusal? Rename(string? name)
    {
        var valid = ValidName(name);
        if (valid.IsRefused)
        {
            return valid.Refusal;
        }

        Name = valid.Value;
        return null;
    }

    private static Result<string> ValidName(string? name)
    {
        var trimmed = name?.Trim() ?? "";
        return trimmed.Length is 0 or > MaxNameLength
            ? Refusal.Invalid("service/kb-category-invalid", "name", "Give the category a name of 1 to {0} characters.", MaxNameLength)
            : trimmed;
    }
}
