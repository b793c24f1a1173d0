using System.Globalization;
using Microsoft.Extensions.Localization;
using RetailCrm.Modules.Cards.Application.Dashboard;
using RetailCrm.Modules.Cards.Contracts;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Cards.Web.Dashboard;

/// <summary>What every card widget needs: the permission check, the module's texts and the one money formatter.</summary>
internal sealed class CardsWidgetKit(IPermissionChecker permissions, IStringLocalizer<CardsModule> texts, IDisplayText display)
{
    public IStringLocalizer<CardsModule> T => texts;

    public Task<bool> MaySeeAsync(string permission, CancellationToken cancellationToken) => permissions.IsGrantedAsync(permission, cancellationToken);

    public string Money(long minor, string currency) => display.Money(minor, currency);

    /// <summary>A figure of money: the first currency's total as the value, the others, if any, after the caption.</summary>
    public DashboardWidget Figure(string key, string title, IReadOnlyList<CurrencyTotal> totals, string caption, string url, int order)
    {
        var value = totals.Count == 0 ? Money(0, "CNY") : Money(totals[0].Amount, totals[0].Currency);
        var others = totals.Skip(1).Select(t => Money(t.Amount, t.Currency));
        return new DashboardWidget(key, title, new KpiContent(value, string.Join(" · ", others.Prepend(caption)), url), order);
    }
}

/// <summary>The clerk's figure: card payments taken today (net of reversals), in the settlement day.</summary>
internal sealed class PaymentsTodayWidget(CardsDashboardQueries queries, CardsWidgetKit kit) : IDashboardWidget
{
    public async Task<DashboardWidget?> GetAsync(CancellationToken cancellationToken)
    {
        if (!await kit.MaySeeAsync(CardsPermissions.Pay, cancellationToken))
        {
            return null;
        }

        var totals = await queries.PaymentsTodayAsync(cancellationToken);
        return kit.Figure("cards.payments-today", kit.T["Card payments today"], totals, kit.T["{0} payments today", totals.Sum(t => t.Count)], "/cards/desk", 10);
    }
}

/// <summary>The manager's figure: what the cards hold for their holders (active, frozen, lost and expired cards).</summary>
internal sealed class CardLiabilityWidget(CardsDashboardQueries queries, CardsWidgetKit kit) : IDashboardWidget
{
    public async Task<DashboardWidget?> GetAsync(CancellationToken cancellationToken)
    {
        if (!await kit.MaySeeAsync(CardsPermissions.ViewSettlement, cancellationToken))
        {
            return null;
        }

        var totals = await queries.LiabilityAsync(cancellationToken);
        return kit.Figure("cards.liability", kit.T["Card liability"], totals, kit.T["on {0} cards", totals.Sum(t => t.Count)], "/cards/settlement", 20);
    }
}

/// <summary>The manager's chart: money put on cards and taken by them, per day, for two weeks.</summary>
internal sealed class CardFlowWidget(CardsDashboardQueries queries, CardsWidgetKit kit) : IDashboardWidget
{
    public const int Days = 14;

    public async Task<DashboardWidget?> GetAsync(CancellationToken cancellationToken)
    {
        if (!await kit.MaySeeAsync(CardsPermissions.ViewSettlement, cancellationToken))
        {
            return null;
        }

        var (currency, days) = await queries.FlowAsync(Days, cancellationToken);
        var chart = new ChartContent(ChartKind.Bar,
            [.. days.Select(d => d.Date.ToString("MM-dd", CultureInfo.InvariantCulture))],
            [new ChartSeries(kit.T["Top-ups"], [.. days.Select(d => Major(d.ToppedUp))]), new ChartSeries(kit.T["Payments"], [.. days.Select(d => Major(d.Paid))])],
            currency);
        return new DashboardWidget("cards.flow", kit.T["Card money, last {0} days", Days], chart, 110);
    }

    private static decimal Major(long minor) => minor / 100m;
}

/// <summary>The clerk's look-up: a card by its number, or the cards of a member.</summary>
internal sealed class CardLookupWidget(CardsWidgetKit kit) : IDashboardWidget
{
    public async Task<DashboardWidget?> GetAsync(CancellationToken cancellationToken) =>
        await kit.MaySeeAsync(CardsPermissions.ViewCards, cancellationToken)
            ? new DashboardWidget("cards.lookup", kit.T["Find a card"], new PartialContent("~/Web/Views/CardsHome/_CardLookup.cshtml"), 100)
            : null;
}
