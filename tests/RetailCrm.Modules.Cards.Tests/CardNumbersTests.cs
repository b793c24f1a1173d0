using RetailCrm.Modules.Cards.Domain;

namespace RetailCrm.Modules.Cards.Tests;

public sealed class CardNumbersTests
{
    [Theory]
    [InlineData("7992739871", '3')]
    [InlineData("411111111111111", '1')]
    public void Should_compute_the_Luhn_check_digit(string body, char digit)
    {
        CardNumbers.CheckDigit(body).ShouldBe(digit);
        CardNumbers.IsValid(body + digit).ShouldBeTrue();
    }

    [Fact]
    public void Should_format_numbers_of_the_products_length_with_a_valid_check_digit()
    {
        var number = CardNumbers.Format("8866", 16, 42);

        number.Length.ShouldBe(16);
        number.ShouldStartWith("886600000000042");
        CardNumbers.IsValid(number).ShouldBeTrue();
        CardNumbers.IsValid(number[..^1] + (char)('0' + ((number[^1] - '0' + 1) % 10))).ShouldBeFalse();
    }

    [Theory]
    [InlineData("Down", 1_250, 12)]
    [InlineData("Nearest", 1_250, 13)]
    [InlineData("Nearest", 1_249, 12)]
    [InlineData("Up", 1_201, 13)]
    public void Should_earn_points_by_the_products_rule(string rounding, long amount, long points)
    {
        var product = new CardProduct { PointsPerUnit = 1, PointsUnitAmount = 100, PointsRounding = Enum.Parse<PointsRounding>(rounding) };

        product.PointsFor(amount).ShouldBe(points);
    }
}
