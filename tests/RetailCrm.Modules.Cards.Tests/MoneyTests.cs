using RetailCrm.Modules.Cards.Web;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Cards.Tests;

/// <summary>Yuan as typed → fen as kept: exact decimal parsing, never rounded.</summary>
public sealed class MoneyTests
{
    [Theory]
    [InlineData("12.34", 1_234)]
    [InlineData("12.3", 1_230)]
    [InlineData("12", 1_200)]
    [InlineData(" 0.01 ", 1)]
    [InlineData("¥100.50", 10_050)]
    [InlineData("0", 0)]
    [InlineData("9999999999999.99", 999_999_999_999_999)]
    public void Should_turn_yuan_into_fen_exactly(string typed, long fen)
    {
        Money.TryParseYuan(typed, out var parsed, out var error).ShouldBeTrue(error);
        parsed.ShouldBe(fen);
    }

    [Theory]
    [InlineData("1.005", Money.TooManyDecimals)]
    [InlineData("0.001", Money.TooManyDecimals)]
    [InlineData("12,34", Money.NotAnAmount)]
    [InlineData("-5", Money.NotAnAmount)]
    [InlineData("1e3", Money.NotAnAmount)]
    [InlineData(".5", Money.NotAnAmount)]
    [InlineData("", Money.NotAnAmount)]
    [InlineData("99999999999999", Money.TooLarge)]
    public void Should_refuse_what_is_not_an_amount_of_fen(string typed, string message)
    {
        Money.TryParseYuan(typed, out _, out var error).ShouldBeFalse();
        error.ShouldBe(message);
    }

    [Fact]
    public void Should_show_fen_as_yuan_with_two_decimals()
    {
        new MoneyAmount(123_456_789, "CNY").ToDisplayString().ShouldBe("1,234,567.89\u00A0CNY");
        new MoneyAmount(-4_560, "CNY").ToDisplayString().ShouldBe("-45.60\u00A0CNY");
        Money.ToInput(5).ShouldBe("0.05");
        Money.ToInput(null).ShouldBe("");
    }
}
