using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Service.Domain.Calls;
using RetailCrm.Modules.Service.Infrastructure.Persistence;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Service.Application.Calls;

/// <summary>An agent's extension, as the admin page lists it.</summary>
internal sealed record AgentExtensionView(Guid UserId, string Extension);

/// <summary>Which agent sits at which PBX extension: one extension per agent, one agent per extension.</summary>
internal sealed class AgentExtensions(ServiceDbContext db)
{
    public async Task<IReadOnlyList<AgentExtensionView>> ListAsync(CancellationToken cancellationToken) =>
        await db.Set<AgentExtension>().AsNoTracking().OrderBy(e => e.Extension).Select(e => new AgentExtensionView(e.UserId, e.Extension)).ToListAsync(cancellationToken);

    /// <summary>Gives the agent the extension (an empty one takes it away); refused when another agent has it.</summary>
    public async Task<Result<AgentExtensionView?>> SetAsync(Guid userId, string? extension, CancellationToken cancellationToken)
    {
        var wanted = extension?.Trim() ?? "";
        if (wanted.Length > AgentExtension.MaxExtensionLength || (wanted.Length > 0 && !wanted.All(char.IsAsciiDigit)))
        {
            return Refusal.Invalid("service/extension-invalid", "extension", "An extension is 1 to {0} digits.", AgentExtension.MaxExtensionLength).Titled("The extension is not valid");
        }

        var set = db.Set<AgentExtension>();
        if (wanted.Length > 0 && await set.AnyAsync(e => e.Extension == wanted && e.UserId != userId, cancellationToken))
        {
            return Refusal.Invalid("service/extension-taken", "extension", "Another agent has the extension {0}.", wanted).Titled("The extension is taken");
        }

        var row = await set.FirstOrDefaultAsync(e => e.UserId == userId, cancellationToken);
        if (wanted.Length == 0)
        {
            if (row is not null)
            {
                set.Remove(row);
                await db.SaveChangesAsync(cancellationToken);
            }

            return (AgentExtensionView?)null;
        }

        if (row is null)
        {
            row = new AgentExtension { Id = Guid.NewGuid(), UserId = userId };
            set.Add(row);
        }

        row.Extension = wanted;
        await db.SaveChangesAsync(cancellationToken);
        return new AgentExtensionView(userId, wanted);
    }
}
