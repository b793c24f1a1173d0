using System.Text.RegularExpressions;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Modules.Sales.Application.Opportunities;
using RetailCrm.Modules.Sales.Contracts;
using RetailCrm.Modules.Sales.Domain.Opportunities;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Sales.Web.Pages;

/// <summary>The deals list's filters as the query string carries them.</summary>
internal sealed record DealFilterForm
{
    /// <summary><c>open</c> (the default), <c>won</c>, <c>lost</c> or <c>all</c>.</summary>
    public string? Status { get; init; }

    public Guid? PipelineId { get; init; }

    public Guid? StageId { get; init; }

    public Guid? Owner { get; init; }

    public string? Q { get; init; }

    public bool Rotting { get; init; }

    public DateOnly? CloseFrom { get; init; }

    public DateOnly? CloseTo { get; init; }

    public ForecastCategory? Category { get; init; }

    public DealFilter ToFilter() => new()
    {
        Status = Status?.ToLowerInvariant() switch
        {
            "all" => null,
            "won" => OpportunityStatus.Won,
            "lost" => OpportunityStatus.Lost,
            _ => OpportunityStatus.Open,
        },
        PipelineId = PipelineId,
        StageId = StageId,
        OwnerUserId = Owner,
        Term = Q,
        RottingOnly = Rotting,
        CloseFrom = CloseFrom,
        CloseTo = CloseTo,
        Category = Category,
    };
}

/// <summary>The new deal form: a customer chosen from the search, or a prospect to register.</summary>
internal sealed record NewDealForm
{
    public string? Title { get; init; }

    public Guid? CustomerId { get; init; }

    public string? ProspectName { get; init; }

    public string? ProspectPhone { get; init; }

    public string? ProspectEmail { get; init; }

    public bool KeepDespiteDuplicates { get; init; }

    public Guid? PipelineId { get; init; }

    public DateOnly? ExpectedCloseDate { get; init; }

    public string? Source { get; init; }

    public string? Competitors { get; init; }

    public string? Needs { get; init; }

    public NewOpportunity ToInput() => new()
    {
        Facts = new OpportunityFacts { Title = Title, ExpectedCloseDate = ExpectedCloseDate, Source = Source, Competitors = Competitors, Needs = Needs },
        CustomerId = CustomerId,
        Prospect = CustomerId is null && (OpportunityFacts.Clean(ProspectName) ?? OpportunityFacts.Clean(ProspectPhone) ?? OpportunityFacts.Clean(ProspectEmail)) is not null
            ? new NewCustomerContact(ProspectName, ProspectPhone, ProspectEmail)
            : null,
        KeepDespiteDuplicates = KeepDespiteDuplicates,
        PipelineId = PipelineId,
    };
}

/// <summary>One row of the lines table; the price is typed in major units (yuan).</summary>
internal sealed record LineForm
{
    public Guid? ProductId { get; init; }

    public string? Description { get; init; }

    public decimal? Quantity { get; init; }

    public decimal? UnitPrice { get; init; }

    public decimal? DiscountPercent { get; init; }

    public bool IsEmpty => ProductId is null && string.IsNullOrWhiteSpace(Description) && Quantity is null && UnitPrice is null;
}

/// <summary>The lines table: empty rows are left out, and a refusal names the row as the form shows it.</summary>
internal sealed partial record LinesForm
{
    public int Version { get; init; }

    public List<LineForm> Lines { get; init; } = [];

    public (IReadOnlyList<LineInput> Input, IReadOnlyList<int> Rows) ToInput()
    {
        var rows = Lines.Select((line, row) => (line, row)).Where(x => !x.line.IsEmpty).ToList();
        return ([.. rows.Select(x => new LineInput(x.line.ProductId, x.line.Description, x.line.Quantity,
            x.line.UnitPrice is { } price ? (long)Math.Round(price * 100, MidpointRounding.AwayFromZero) : null, x.line.DiscountPercent))], [.. rows.Select(x => x.row)]);
    }

    /// <summary><c>lines[1].quantity</c> of the posted lines becomes the row of the table it came from.</summary>
    public static Refusal AtFormRows(Refusal refusal, IReadOnlyList<int> rows) => refusal with
    {
        Fields = [.. refusal.Fields.Select(f => LineField().Match(f.Field) is { Success: true } m && int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) is var i && i < rows.Count
            ? f with { Field = $"lines[{rows[i]}]{m.Groups[2].Value}" }
            : f)],
    };

    [GeneratedRegex(@"^lines\[(\d+)\](.*)$")]
    private static partial Regex LineField();
}
