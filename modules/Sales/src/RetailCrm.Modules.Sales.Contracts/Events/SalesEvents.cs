using RetailCrm.Sdk.Events;

namespace RetailCrm.Modules.Sales.Contracts.Events;

/// <summary>A deal moved from one stage of its pipeline to another (an approved gated move included).</summary>
/// <param name="OpportunityId">The deal.</param>
/// <param name="PipelineId">Its pipeline.</param>
/// <param name="FromStageKey">The stage it left.</param>
/// <param name="ToStageKey">The stage it entered.</param>
/// <param name="OwnerUserId">The sales person who owns it.</param>
/// <param name="MovedAt">When (UTC).</param>
[IntegrationEvent("sales.stage-changed")]
public sealed record StageChangedIntegrationEvent(Guid OpportunityId, Guid PipelineId, string FromStageKey, string ToStageKey, Guid OwnerUserId, DateTime MovedAt);

/// <summary>A deal was won.</summary>
/// <param name="OpportunityId">The deal.</param>
/// <param name="CustomerId">The members customer it was sold to.</param>
/// <param name="Amount">The sum of its lines, in minor units.</param>
/// <param name="Currency">ISO 4217 code.</param>
/// <param name="Reason">Why it was won, from the tenant's list.</param>
/// <param name="WonAt">When (UTC).</param>
/// <param name="RecordsPurchase">Whether the sale is recorded as the customer's purchase on the members module (lifecycle class and points follow).</param>
[IntegrationEvent("sales.opportunity-won")]
public sealed record OpportunityWonIntegrationEvent(Guid OpportunityId, Guid CustomerId, long Amount, string Currency, string Reason, DateTime WonAt, bool RecordsPurchase);

/// <summary>A deal was lost.</summary>
/// <param name="OpportunityId">The deal.</param>
/// <param name="CustomerId">The members customer.</param>
/// <param name="Amount">The sum of its lines when it was lost, in minor units.</param>
/// <param name="Currency">ISO 4217 code.</param>
/// <param name="Reason">Why it was lost, from the tenant's list.</param>
/// <param name="LostAt">When (UTC).</param>
[IntegrationEvent("sales.opportunity-lost")]
public sealed record OpportunityLostIntegrationEvent(Guid OpportunityId, Guid CustomerId, long Amount, string Currency, string Reason, DateTime LostAt);
