using RetailCrm.Sdk.MultiTenancy;

namespace RetailCrm.Modules.Sales.Domain.Opportunities;

/// <summary>One change of a deal in its history: who changed which field from what to what.</summary>
internal sealed class OpportunityChange : ITenantOwned
{
    public const int MaxValueLength = 400;

    private OpportunityChange()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; set; }

    public Guid OpportunityId { get; private set; }

    public DateTime At { get; private set; }

    public Guid? UserId { get; private set; }

    public string Field { get; private set; } = "";

    public string? From { get; private set; }

    public string? To { get; private set; }

    public static OpportunityChange Of(Guid opportunityId, string field, string? from, string? to, Guid? userId, DateTime at) => new()
    {
        Id = Guid.NewGuid(),
        OpportunityId = opportunityId,
        Field = field,
        From = Cut(from),
        To = Cut(to),
        UserId = userId,
        At = at,
    };

    private static string? Cut(string? value) => value is { Length: > MaxValueLength } ? value[..MaxValueLength] : value;
}
