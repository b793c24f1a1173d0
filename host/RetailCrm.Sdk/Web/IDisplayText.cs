namespace RetailCrm.Sdk.Web;

/// <summary>
/// How pages show values that are not sentences: an enum value by its display text in the user's language, an
/// amount in major units with its currency. Implemented by the kernel; a view takes it with
/// <c>@inject IDisplayText Display</c> and writes <c>@Display.Name(card.Status)</c>, <c>@Display.Money(balance, "CNY")</c>.
/// </summary>
/// <remarks>
/// An enum value's text is the resource keyed <c>{EnumType}.{Value}</c> (e.g. <c>CardStatus.Closed</c>, for a word
/// that reads differently in another enum) or else <c>{Value}</c> (e.g. <c>InStock</c>), in the resources of the
/// enum's assembly (a Contracts assembly's texts live in its module's), then the kernel's; every value needs an
/// <c>en</c> text and a <c>zh-CN</c> one.
/// </remarks>
public interface IDisplayText
{
    /// <summary>The display text of an enum value in the current UI culture, e.g. <c>In stock</c> or <c>总部库存</c>.</summary>
    string Name(Enum value);

    /// <summary>An amount of minor units as <see cref="Results.MoneyAmount.ToDisplayString"/> shows it, e.g. <c>850.00 CNY</c>.</summary>
    string Money(long minor, string currency);
}
