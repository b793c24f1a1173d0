using RetailCrm.Sdk.Events;

namespace RetailCrm.Modules.Service.Contracts.Events;

/// <summary>A thing was added. Other modules follow it by this name, through the outbox.</summary>
/// <param name="ThingId">The new thing's id.</param>
/// <param name="Name">Its name.</param>
[IntegrationEvent("service.thing-created")]
public sealed record ThingCreatedIntegrationEvent(Guid ThingId, string Name);
