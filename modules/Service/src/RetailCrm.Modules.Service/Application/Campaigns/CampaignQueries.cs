using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Service.Domain.Campaigns;
using RetailCrm.Modules.Service.Infrastructure.Persistence;

namespace RetailCrm.Modules.Service.Application.Campaigns;

/// <summary>How far one agent is with a list.</summary>
internal sealed record AgentProgress(Guid AgentUserId, int Done, int Total);

/// <summary>A list with its calls and the progress of each agent.</summary>
internal sealed record CampaignDetails(Campaign Campaign, IReadOnlyList<CampaignCall> Calls, IReadOnlyList<AgentProgress> Progress)
{
    public int Done => Progress.Sum(p => p.Done);

    public int Total => Progress.Sum(p => p.Total);
}

internal sealed class CampaignQueries(ServiceDbContext db)
{
    public async Task<IReadOnlyList<Campaign>> ListAsync(CancellationToken cancellationToken) =>
        await db.Set<Campaign>().AsNoTracking().OrderByDescending(c => c.CreatedAt).Take(200).ToListAsync(cancellationToken);

    public async Task<CampaignDetails?> DetailsAsync(Guid id, CancellationToken cancellationToken)
    {
        var campaign = await db.Set<Campaign>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (campaign is null)
        {
            return null;
        }

        var calls = await db.Set<CampaignCall>().AsNoTracking().Where(c => c.CampaignId == id).OrderBy(c => c.CustomerName).ToListAsync(cancellationToken);
        var progress = calls.GroupBy(c => c.AgentUserId).Select(g => new AgentProgress(g.Key, g.Count(c => c.IsDone), g.Count())).ToList();
        return new CampaignDetails(campaign, calls, progress);
    }
}
