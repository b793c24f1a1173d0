using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Service.Domain.Knowledge;
using RetailCrm.Modules.Service.Infrastructure.Persistence;

namespace RetailCrm.Modules.Service.Application.Knowledge;

/// <summary>Helpful / not helpful: one vote per reader and article; voting again changes the vote.</summary>
internal sealed class ArticleVoting(ServiceDbContext db, KnowledgeBase knowledge, TimeProvider time)
{
    public async Task<Sdk.Results.Result<ArticleVotes>> VoteAsync(Guid articleId, bool helpful, CancellationToken cancellationToken)
    {
        var article = await knowledge.GetAsync(articleId, cancellationToken);
        if (article.IsRefused)
        {
            return article.Refusal;
        }

        try
        {
            await CastAsync(articleId, helpful, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same reader's first vote arrived twice at once: the unique index kept one row; change that one.
            db.ChangeTracker.Clear();
            await CastAsync(articleId, helpful, cancellationToken);
        }

        var votes = await db.Set<ArticleFeedback>().AsNoTracking().Where(f => f.ArticleId == articleId)
            .GroupBy(f => f.Helpful).Select(g => new { Helpful = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return new ArticleVotes(votes.Where(v => v.Helpful).Sum(v => v.Count), votes.Where(v => !v.Helpful).Sum(v => v.Count), helpful);
    }

    private async Task CastAsync(Guid articleId, bool helpful, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var voter = knowledge.Voter;
        if (await db.Set<ArticleFeedback>().FirstOrDefaultAsync(f => f.ArticleId == articleId && f.Voter == voter, cancellationToken) is { } vote)
        {
            vote.Change(helpful, now);
        }
        else
        {
            db.Set<ArticleFeedback>().Add(ArticleFeedback.Cast(articleId, voter, helpful, now));
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
