using RetailCrm.Kernel.Modularity;
using RetailCrm.Kernel.Settings;
using RetailCrm.Sdk.Settings;

namespace RetailCrm.Kernel.Tests.Settings;

public sealed class SettingDefinitionsTests
{
    private static readonly SettingDefinition Limit = new("test.limit", SettingType.Int, "10", "Limit");
    private static readonly SettingDefinition Enabled = new("test.enabled", SettingType.Bool, "false", "Enabled");
    private static readonly SettingDefinition Price = new("test.price", SettingType.Decimal, "1.5", "Price");
    private static readonly SettingDefinition Colour = new("test.colour", SettingType.Choice, "red", "Colour") { Choices = ["red", "green"] };
    private static readonly SettingDefinition Greeting = new("test.greeting", SettingType.String, "hello", "Greeting");

    [Theory]
    [InlineData("0")]
    [InlineData("42")]
    [InlineData("-7")]
    public void Should_accept_an_int(string value) => Should.NotThrow(() => SettingDefinitions.Validate(Limit, value));

    [Theory]
    [InlineData("")]
    [InlineData("ten")]
    [InlineData("1.5")]
    [InlineData("99999999999")]
    public void Should_refuse_what_is_not_an_int(string value)
    {
        var e = Should.Throw<SettingValidationException>(() => SettingDefinitions.Validate(Limit, value));

        e.SettingName.ShouldBe("test.limit");
        e.Message.ShouldBe($"'{value}' is not valid for test.limit: expected a value of type int.");
    }

    [Theory]
    [InlineData("true")]
    [InlineData("False")]
    public void Should_accept_a_bool(string value) => Should.NotThrow(() => SettingDefinitions.Validate(Enabled, value));

    [Theory]
    [InlineData("yes")]
    [InlineData("1")]
    [InlineData("")]
    public void Should_refuse_what_is_not_a_bool(string value) =>
        Should.Throw<SettingValidationException>(() => SettingDefinitions.Validate(Enabled, value))
            .Message.ShouldBe($"'{value}' is not valid for test.enabled: expected a value of type bool.");

    [Theory]
    [InlineData("red")]
    [InlineData("green")]
    public void Should_accept_one_of_the_choices(string value) => Should.NotThrow(() => SettingDefinitions.Validate(Colour, value));

    [Theory]
    [InlineData("blue")]
    [InlineData("Red")]
    [InlineData("")]
    public void Should_refuse_what_is_not_one_of_the_choices(string value) =>
        Should.Throw<SettingValidationException>(() => SettingDefinitions.Validate(Colour, value))
            .Message.ShouldBe($"'{value}' is not valid for test.colour: expected one of red, green.");

    [Fact]
    public void Should_check_decimals_with_the_invariant_culture()
    {
        Should.NotThrow(() => SettingDefinitions.Validate(Price, "1234.56"));
        Should.Throw<SettingValidationException>(() => SettingDefinitions.Validate(Price, "12,3x"));
    }

    [Fact]
    public void Should_accept_any_string() => Should.NotThrow(() => SettingDefinitions.Validate(Greeting, "anything at all"));

    [Fact]
    public void Should_refuse_a_definition_whose_default_does_not_fit_its_type()
    {
        var provider = new Provider(new SettingDefinition("test.broken", SettingType.Int, "many", "Broken"));

        Should.Throw<SettingValidationException>(() => new SettingDefinitions([provider], new ModuleCatalog([])))
            .SettingName.ShouldBe("test.broken");
    }

    [Fact]
    public void Should_refuse_a_setting_declared_twice()
    {
        var provider = new Provider(Limit with { }, Limit with { DisplayName = "Again" });

        Should.Throw<InvalidOperationException>(() => new SettingDefinitions([provider], new ModuleCatalog([])))
            .Message.ShouldBe("Setting 'test.limit' is declared twice.");
    }

    [Fact]
    public void Should_refuse_to_get_an_undeclared_setting()
    {
        var definitions = new SettingDefinitions([new Provider(Limit with { })], new ModuleCatalog([]));

        definitions.Get("TEST.LIMIT").Type.ShouldBe(SettingType.Int);
        Should.Throw<SettingValidationException>(() => definitions.Get("test.nothing")).Message.ShouldBe("No setting 'test.nothing' is defined.");
    }

    private sealed class Provider(params SettingDefinition[] definitions) : ISettingDefinitionProvider
    {
        public void Define(ISettingDefinitionContext context)
        {
            foreach (var definition in definitions)
            {
                context.Add(definition);
            }
        }
    }
}
