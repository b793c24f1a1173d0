using RetailCrm.Modules.Cards.Application.Cards;
using RetailCrm.Modules.Cards.Contracts;

namespace RetailCrm.Modules.Cards.Web.Pages;

/// <summary>One tab of the desk's command bar: the panel's key (<c>?op=</c>, <c>#op-{Key}</c>), its label and its shortcut, if any.</summary>
internal sealed record DeskOperation(string Key, string Label, string? Shortcut = null);

/// <summary>
/// The operations the desk offers for a card, in the order of the command bar, and which one is open: the form that was
/// just refused, else the one asked for, else the one the clerk last used, else pay (or sell for an unsold card).
/// </summary>
internal static class DeskOperations
{
    public const string Sell = "sell";
    public const string Pay = "pay";
    public const string TopUp = "top-up";
    public const string Payments = "payments";
    public const string Redeem = "redeem";
    public const string Exchange = "exchange";
    public const string Status = "status";
    public const string History = "history";

    /// <summary>The cookie that remembers the clerk's last operation, so that the next card opens on it.</summary>
    public const string LastUsedCookie = "cards.desk.op";

    public static IReadOnlyList<DeskOperation> Of(CardDetails details, UserPermissions can, bool hasPayments, bool exchangeable)
    {
        var card = details.Card;
        var active = card.Status == CardStatus.Active;
        var holdsValue = Domain.Card.HoldsValue(card.Status);
        var ops = new List<DeskOperation>();
        if (Domain.Card.IsSellable(card.Status) && can.Can(CardsPermissions.Sell))
        {
            ops.Add(new(Sell, "Sell", "Alt+S"));
        }

        if (active && can.Can(CardsPermissions.Pay))
        {
            ops.Add(new(Pay, "Pay", "F2"));
        }

        if (active && can.Can(CardsPermissions.TopUp))
        {
            ops.Add(new(TopUp, "Top up", "Alt+T"));
        }

        if (hasPayments)
        {
            ops.Add(new(Payments, "Reverse / refund", can.Can(CardsPermissions.Reverse) ? "Alt+R" : null));
        }

        if (active && can.Can(CardsPermissions.RedeemPoints))
        {
            ops.Add(new(Redeem, "Redeem points"));
        }

        if (exchangeable)
        {
            ops.Add(new(Exchange, "Exchange"));
        }

        if (((active || card.Status == CardStatus.Frozen) && can.Can(CardsPermissions.Freeze)) || (holdsValue && can.Can(CardsPermissions.Close)))
        {
            ops.Add(new(Status, "Freeze / lost / close"));
        }

        ops.Add(new(History, "Ledger"));
        return ops;
    }

    /// <summary>The panel a form of the desk belongs to (refund forms are one per payment: <c>refund:{id}</c>).</summary>
    public static string? OfForm(string? formId) => formId switch
    {
        "sell" => Sell,
        "pay" => Pay,
        "top-up" => TopUp,
        "reverse" => Payments,
        { } refund when refund.StartsWith("refund:", StringComparison.Ordinal) => Payments,
        "redeem" => Redeem,
        "exchange" => Exchange,
        "status" or "close" => Status,
        _ => null,
    };

    public static string Open(IReadOnlyList<DeskOperation> ops, string? refusedForm, string? asked, string? lastUsed)
    {
        foreach (var wanted in new[] { OfForm(refusedForm), asked, lastUsed, Pay, Sell })
        {
            if (wanted is not null && ops.Any(o => o.Key == wanted))
            {
                return wanted;
            }
        }

        return ops[0].Key;
    }

    /// <summary>Whether a successful post of this panel is worth remembering as the clerk's next first panel.</summary>
    public static bool Remembered(string op) => op is Pay or TopUp or Redeem;
}
