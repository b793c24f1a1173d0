using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Sales.Contracts;
using RetailCrm.Modules.Sales.Domain.Opportunities;
using RetailCrm.Modules.Sales.Domain.Reviews;
using RetailCrm.Modules.Sales.Infrastructure.Persistence;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Sales.Application.Reviews;

/// <summary>One journal entry of the week with the deal it belongs to.</summary>
internal sealed record WeekEntry(Activity Activity, Guid OpportunityId, string DealTitle, string CustomerName);

/// <summary>A sales person's week: what he logged, and what his supervisor said of it.</summary>
internal sealed record JournalWeek(UserInfo Person, DateOnly WeekStart, IReadOnlyList<WeekEntry> Entries, IReadOnlyList<JournalReview> Reviews)
{
    public bool Approved => Reviews.Any(r => r.Verdict == ReviewVerdict.Approved);
}

/// <summary>One line of the supervisor's week: a person of his team, how much he logged, and whether the week is reviewed.</summary>
internal sealed record TeamWeekLine(UserInfo Person, int Entries, int Visits, int Comments, bool Approved);

/// <summary>
/// The supervisor's weekly review of the team's journals (业务日志): a week is Monday to Sunday in the sales time zone.
/// A sales person sees his own weeks and their reviews; a supervisor those of the people his scope reaches, and
/// comments or approves them, never his own.
/// </summary>
internal sealed class JournalReviews(SalesDbContext db, SalesPeople people, SalesCalendar calendar, IPermissionChecker permissions, TimeProvider time)
{
    public const int MaxEntries = 1000;

    public async Task<Result<JournalWeek>> WeekAsync(Guid personId, DateOnly day, CancellationToken cancellationToken)
    {
        if (await people.FindAsync(personId, cancellationToken) is not { } person)
        {
            return NotInTeam(personId);
        }

        var weekStart = SalesCalendar.WeekStart(day);
        var (from, to) = await calendar.RangeAsync(weekStart, 7, cancellationToken);
        var entries = await db.Set<Activity>().AsNoTracking()
            .Where(a => a.UserId == personId && a.At >= from && a.At < to)
            .Join(db.Set<Opportunity>().AsNoTracking(), a => a.OpportunityId, o => o.Id, (a, o) => new { a, o.Title, o.CustomerName })
            .OrderBy(x => x.a.At).Take(MaxEntries).ToListAsync(cancellationToken);
        var reviews = await db.Set<JournalReview>().AsNoTracking()
            .Where(r => r.SalesPersonUserId == personId && r.WeekStart == weekStart).OrderBy(r => r.At).ToListAsync(cancellationToken);
        return new JournalWeek(person, weekStart, [.. entries.Select(e => new WeekEntry(e.a, e.a.OpportunityId, e.Title, e.CustomerName))], reviews);
    }

    /// <summary>The week of every person the supervisor's scope reaches (himself left out), the least reviewed first.</summary>
    public async Task<IReadOnlyList<TeamWeekLine>> TeamAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var weekStart = SalesCalendar.WeekStart(day);
        var (from, to) = await calendar.RangeAsync(weekStart, 7, cancellationToken);
        var team = (await people.InScopeAsync(cancellationToken)).Where(p => p.Id != people.CurrentId).ToList();
        var ids = team.Select(p => p.Id).ToList();
        var logged = await db.Set<Activity>().AsNoTracking().Where(a => ids.Contains(a.UserId) && a.At >= from && a.At < to)
            .GroupBy(a => a.UserId).Select(g => new { g.Key, Count = g.Count(), Visits = g.Count(a => a.Kind == ActivityKind.Visit) }).ToListAsync(cancellationToken);
        var reviews = await db.Set<JournalReview>().AsNoTracking().Where(r => ids.Contains(r.SalesPersonUserId) && r.WeekStart == weekStart)
            .Select(r => new { r.SalesPersonUserId, r.Verdict }).ToListAsync(cancellationToken);
        return [.. team.Select(p =>
        {
            var mine = logged.FirstOrDefault(l => l.Key == p.Id);
            var said = reviews.Where(r => r.SalesPersonUserId == p.Id).ToList();
            return new TeamWeekLine(p, mine?.Count ?? 0, mine?.Visits ?? 0, said.Count(r => r.Verdict == ReviewVerdict.Commented), said.Any(r => r.Verdict == ReviewVerdict.Approved));
        }).OrderBy(l => l.Approved).ThenByDescending(l => l.Entries)];
    }

    public async Task<Result<JournalReview>> ReviewAsync(Guid personId, DateOnly day, bool approve, string? comment, CancellationToken cancellationToken)
    {
        if (!await permissions.IsGrantedAsync(SalesPermissions.Supervise, cancellationToken))
        {
            return Refusal.Forbidden("sales/supervisors-only", "Only a supervisor reviews journals.");
        }

        if (personId == people.CurrentId)
        {
            return Refusal.Forbidden("sales/own-journal", "Nobody reviews his own journal; your supervisor does.");
        }

        if (await people.FindAsync(personId, cancellationToken) is not { } person)
        {
            return NotInTeam(personId);
        }

        var weekStart = SalesCalendar.WeekStart(day);
        if (weekStart > await calendar.TodayAsync(cancellationToken))
        {
            return Refusal.Invalid("sales/review-invalid", "week", "The week has not begun yet.");
        }

        var review = JournalReview.Write(person.Id, person.OrganizationUnitId, weekStart, approve, comment, people.CurrentId!.Value, time.GetUtcNow().UtcDateTime);
        if (review.IsRefused)
        {
            return review.Refusal;
        }

        db.Set<JournalReview>().Add(review.Value);
        await db.SaveChangesAsync(cancellationToken);
        return review.Value;
    }

    private static Refusal NotInTeam(Guid personId) =>
        Refusal.NotFound("sales/person-not-found", "There is no one {0} among the people you see.", personId).At("userId").Titled("No such person");
}
