namespace RetailCrm.Modules.Sample.Contracts;

/// <summary>A thing as the API answers it and other modules see it.</summary>
public sealed record ThingDto(Guid Id, string Name, DateTime CreatedAt);
