using RetailCrm.Modules.Service.Domain;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Service.Tests;

/// <summary>The rules of <see cref="Thing"/>, without a host.</summary>
public sealed class ThingTests
{
    private static readonly DateTime Now = new(2026, 12, 4, 9, 30, 0, DateTimeKind.Utc);

    [Fact]
    public void Should_refuse_a_missing_or_too_long_name_at_its_field()
    {
        string?[] names = [null, "  ", new string('x', Thing.MaxNameLength + 1)];

        foreach (var name in names)
        {
            var created = Thing.Create(name, Now);

            created.IsRefused.ShouldBeTrue(name);
            created.Refusal.Kind.ShouldBe(RefusalKind.Invalid);
            created.Refusal.Fields.ShouldHaveSingleItem().Field.ShouldBe("name");
        }
    }

    [Fact]
    public void Should_keep_the_trimmed_name_and_the_time()
    {
        var thing = Thing.Create("  Box ", Now).Value;
        var longest = Thing.Create(new string('x', Thing.MaxNameLength), Now);

        thing.Name.ShouldBe("Box");
        thing.CreatedAt.ShouldBe(Now);
        thing.Id.ShouldNotBe(Guid.Empty);
        longest.IsRefused.ShouldBeFalse();
    }
}
