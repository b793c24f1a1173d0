namespace RetailCrm.Modules.Service.Contracts;

/// <summary>A thing as the API answers it and other modules see it.</summary>
/// <param name="Id">The thing's id.</param>
/// <param name="Name">Its name, 1 to 100 characters.</param>
/// <param name="CreatedAt">When it was added (UTC).</param>
public sealed record ThingDto(Guid Id, string Name, DateTime CreatedAt);
