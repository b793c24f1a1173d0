using RetailCrm.Modules.Members.Application.DataQuality;

namespace RetailCrm.Modules.Members.Tests.DataQuality;

public sealed class NormalizationTests
{
    [Theory]
    [InlineData("138 0013 8000", "CN", "+8613800138000")]
    [InlineData("+86 138-0013-8000", "US", "+8613800138000")]
    [InlineData("(021) 6234 5678", "CN", "+862162345678")]
    [InlineData("(212) 555-0143", "US", "+12125550143")]
    public void Should_normalize_phone_numbers_to_E164(string input, string region, string expected) =>
        PhoneNormalizer.Normalize(input, region).E164.ShouldBe(expected);

    [Theory]
    [InlineData("12345")]
    [InlineData("not a phone")]
    [InlineData("+86 999")]
    public void Should_refuse_what_is_not_a_phone_number(string input) =>
        PhoneNormalizer.Normalize(input, "CN").Error.ShouldNotBeNull();

    [Theory]
    [InlineData(" Zhang.Wei@Example.COM ", "zhang.wei@example.com")]
    [InlineData("a@b.cn", "a@b.cn")]
    public void Should_lower_case_and_trim_email_addresses(string input, string expected) =>
        EmailNormalizer.Normalize(input).Email.ShouldBe(expected);

    [Theory]
    [InlineData("nope")]
    [InlineData("a@b")]
    [InlineData("a b@c.com")]
    public void Should_refuse_what_is_not_an_email_address(string input) =>
        EmailNormalizer.Normalize(input).Error.ShouldNotBeNull();

    [Theory]
    [InlineData("张伟", "张", "伟")]
    [InlineData(" 欧阳 娜娜 ", "欧阳", "娜娜")]
    [InlineData("Anna  Smith", "Smith", "Anna")]
    [InlineData("Smith, Anna Maria", "Smith", "Anna Maria")]
    [InlineData("ANNA SMITH", "Smith", "Anna")]
    public void Should_split_chinese_and_latin_names(string display, string family, string given)
    {
        var name = NameNormalizer.Person(display, null, null);

        name.FamilyName.ShouldBe(family);
        name.GivenName.ShouldBe(given);
    }

    [Fact]
    public void Should_give_the_same_key_to_names_written_differently() =>
        NameNormalizer.Person("Anna  Smith.", null, null).Key.ShouldBe(NameNormalizer.Person("anna smith", null, null).Key);

    [Theory]
    [InlineData("200040", "CN", true)]
    [InlineData("20004", "CN", false)]
    [InlineData("SW1A 1AA", "GB", true)]
    [InlineData("90210-1234", "US", true)]
    [InlineData("ABC", "US", false)]
    public void Should_check_postcodes_for_the_region(string postcode, string region, bool valid) =>
        (PostcodeValidator.Normalize(postcode, region).Error is null).ShouldBe(valid);
}
