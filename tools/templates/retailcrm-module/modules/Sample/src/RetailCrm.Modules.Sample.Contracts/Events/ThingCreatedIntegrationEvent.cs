using RetailCrm.Sdk.Events;

namespace RetailCrm.Modules.Sample.Contracts.Events;

/// <summary>A thing was created. Other modules follow it by this name, through the outbox.</summary>
[IntegrationEvent("sample.thing-created")]
public sealed record ThingCreatedIntegrationEvent(Guid ThingId, string Name);
