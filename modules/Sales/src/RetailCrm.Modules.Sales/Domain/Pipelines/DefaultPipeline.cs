using RetailCrm.Modules.Sales.Contracts;

namespace RetailCrm.Modules.Sales.Domain.Pipelines;

/// <summary>
/// The eight steps every sales person follows (DOMAIN.md "Sales pipeline"), with exit criteria that make each step's
/// work visible before a deal moves on; a tenant's first pipeline starts as this and is edited from there.
/// </summary>
internal static class DefaultPipeline
{
    public const string Name = "Sales";
    public const string NameZh = "销售流程";
    public const string SignKey = "sign";

    public static IReadOnlyList<StageSettings> Stages { get; } =
    [
        new("find-prospects", "Find prospects", "寻找准客户", 5, 30, false, ExitCriteria.None),
        new("visit", "Visit", "约见拜访", 10, 21, false, new ExitCriteria { RequiredActivities = [new RequiredActivity(ActivityKind.Visit, 1)] }),
        new("build-trust", "Build trust", "建立信任关系", 20, 30, false, new ExitCriteria { RequiredActivities = [new RequiredActivity(ActivityKind.Meeting, 1)] }),
        new("dig-needs", "Dig out needs", "挖掘客户需求", 35, 30, false, new ExitCriteria { RequiredFields = ["needs"] }),
        new("work-out-solution", "Work out a solution", "研究解决方案", 50, 30, false, new ExitCriteria { RequiredFields = ["solution", "lines"] }),
        new("propose", "Propose", "提出客户方案", 65, 21, false, new ExitCriteria { RequiredFields = ["expectedCloseDate"], RequiredAttachments = [OpportunityAttachmentTag.Proposal] }),
        new(SignKey, "Sign", "签约承诺", 85, 14, true, ExitCriteria.None),
        new("customer-satisfied", "Customer satisfied", "客户满意", 100, null, false, ExitCriteria.None),
    ];
}
