using RetailCrm.Sdk.Events;

namespace RetailCrm.Samples.Alpha.Contracts;

/// <summary>Raised when a thing is saved in the sample module 'alpha'.</summary>
[IntegrationEvent("alpha.thing-created")]
public sealed record AlphaThingCreatedIntegrationEvent(Guid Id, string Name);
