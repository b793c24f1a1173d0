using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Modules.Sales.Application;
using RetailCrm.Modules.Sales.Application.Opportunities;
using RetailCrm.Modules.Sales.Application.Pipelines;
using RetailCrm.Modules.Sales.Domain.Catalogue;
using RetailCrm.Modules.Sales.Domain.Opportunities;
using RetailCrm.Modules.Sales.Domain.Pipelines;
using RetailCrm.Modules.Sales.Domain.Tasks;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Sales.Web.Pages;

/// <summary>The board of one pipeline.</summary>
internal sealed record BoardPage(PipelineView Pipeline, IReadOnlyList<BoardColumn> Columns, SalesNames Names, SalesClock Clock, bool CanWork);

/// <summary>The deals list with its filters.</summary>
internal sealed record DealListPage(DealFilter Filter, DealPage Deals, Pager Pager, SalesNames Names, SalesClock Clock, string Query);

/// <summary>The form of a new deal, with the customers found for the search term or the likely duplicates of a prospect.</summary>
internal sealed record NewDealPage(string? Find, IReadOnlyList<CustomerSummary> Found, CustomerSummary? Customer, IReadOnlyList<LikelyDuplicate> Duplicates, IReadOnlyList<PipelineView> Pipelines);

/// <summary>A deal with everything its page shows and what the reader may do.</summary>
internal sealed record DealPageModel(
    OpportunityDetails Details,
    PipelineView Pipeline,
    IReadOnlyList<SalesTask> Tasks,
    IReadOnlyList<Product> Products,
    IReadOnlyList<string> WonReasons,
    IReadOnlyList<string> LostReasons,
    IReadOnlyList<UserInfo> Team,
    SalesNames Names,
    SalesClock Clock,
    bool CanWork,
    bool CanSupervise)
{
    public Opportunity Deal => Details.Opportunity;

    public StageMoveRequest? Pending => Details.MoveRequests.FirstOrDefault(r => r.Id == Deal.PendingMoveId);

    public Stage Stage => Pipeline.Find(Deal.StageId) ?? Pipeline.First;

    public bool Rotting => Deal.IsRotting(Stage.RottingDays, Clock.UtcNow);
}
