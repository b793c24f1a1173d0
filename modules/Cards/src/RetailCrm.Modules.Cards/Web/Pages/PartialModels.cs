using RetailCrm.Modules.Cards.Application.Cards;

namespace RetailCrm.Modules.Cards.Web.Pages;

/// <summary>Model of <c>Views/Shared/_MoneyInput</c>: a yuan amount field of a form (<paramref name="FormId"/> on pages with several) with its label and error.</summary>
internal sealed record MoneyInput(string Name, string Label, string? Value, string? FormId = null, bool Required = false, string? IdPrefix = null, bool Autofocus = false)
{
    public string Id => (IdPrefix is null ? "" : IdPrefix + "-") + Name;
}

/// <summary>Model of <c>Views/Shared/_CardHeader</c>: the card everyone at the desk or HQ looks at; the number in full only where the card is in hand.</summary>
internal sealed record CardHeader(CardDetails Details, bool FullNumber, string? HolderName = null);

/// <summary>Model of <c>Views/Shared/_Ledger</c>: a card's ledger, newest first.</summary>
internal sealed record LedgerTable(IReadOnlyList<LedgerEntryView> Entries, string Currency);
