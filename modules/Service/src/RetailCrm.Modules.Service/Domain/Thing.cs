using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Service.Domain;

/// <summary>A thing of one tenant. Its rules live here: it is made only through <see cref="Create"/>.</summary>
internal sealed class Thing : ITenantOwned
{
    public const int MaxNameLength = 100;

    private Thing()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>Stamped by the kernel on insert; every query is kept to the current tenant.</summary>
    public Guid TenantId { get; set; }

    public string Name { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    /// <summary>A new thing with a trimmed name of 1 to <see cref="MaxNameLength"/> characters, or the refusal of the name.</summary>
    public static Result<Thing> Create(string? name, DateTime now)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length is 0 or > MaxNameLength)
        {
            return Refusal.Invalid("service/thing-invalid", "name", "Give the thing a name of 1 to {0} characters.", MaxNameLength);
        }

        return new Thing { Id = Guid.NewGuid(), Name = trimmed, CreatedAt = now };
    }
}
