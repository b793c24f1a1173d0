using RetailCrm.Kernel.Authorization;
using RetailCrm.Sdk.Authorization;

namespace RetailCrm.Kernel.Tests.Authorization;

public sealed class DataScopeQueryTests
{
    private sealed record Row(string Name, Guid? OwnerId, Guid? UnitId);

    private static readonly Guid Me = Guid.NewGuid();
    private static readonly Guid Colleague = Guid.NewGuid();
    private static readonly Guid MyStore = Guid.NewGuid();
    private static readonly Guid MyDepartment = Guid.NewGuid();
    private static readonly Guid OtherStore = Guid.NewGuid();

    private static readonly Row[] Rows =
    [
        new("mine", Me, MyStore),
        new("colleague-in-my-store", Colleague, MyStore),
        new("colleague-in-my-department", Colleague, MyDepartment),
        new("other-store", Colleague, OtherStore),
    ];

    private static List<string> Visible(DataScopeFilter filter) =>
        DataScopeQuery.Apply(Rows.AsQueryable(), filter, r => r.OwnerId, r => r.UnitId).Select(r => r.Name).ToList();

    [Fact]
    public void Should_show_only_own_rows_for_the_own_scope() =>
        Visible(new DataScopeFilter(DataScope.Own, Me, [])).ShouldBe(["mine"]);

    [Fact]
    public void Should_show_the_units_rows_for_the_unit_scopes() =>
        Visible(new DataScopeFilter(DataScope.MyUnitAndBelow, Me, [MyStore, MyDepartment]))
            .ShouldBe(["mine", "colleague-in-my-store", "colleague-in-my-department"]);

    [Fact]
    public void Should_show_every_row_for_the_all_scope() =>
        Visible(DataScopeFilter.Everything).Count.ShouldBe(4);

    [Fact]
    public void Should_show_nothing_to_a_user_without_an_id_in_the_own_scope() =>
        Visible(new DataScopeFilter(DataScope.Own, Guid.Empty, [])).ShouldBeEmpty();
}
