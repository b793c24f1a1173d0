using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Service.Contracts.Events;
using RetailCrm.Modules.Service.Domain.Surveys;
using RetailCrm.Modules.Service.Domain.Tickets;
using RetailCrm.Modules.Service.Infrastructure.Persistence;
using RetailCrm.Sdk.Events;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Service.Application.Surveys;

/// <summary>A survey as its public page shows it.</summary>
internal sealed record SurveyView(Survey Survey, string TicketReference, string TicketSubject);

/// <summary>
/// The customer's side of a survey, reached by the link's token alone (no sign-in; the tenant comes from the host
/// name). An unknown or altered token is 404; a second answer 409; an expired link 422. The answer and its
/// <c>service.csat-received</c> event are saved together.
/// </summary>
internal sealed class SurveyAnswers(ServiceDbContext db, IEventBus events, TimeProvider time)
{
    private const int MaxTokenLength = 100;

    public async Task<Result<SurveyView>> FindAsync(string token, CancellationToken cancellationToken)
    {
        var survey = await ByTokenAsync(token, cancellationToken);
        if (survey is null)
        {
            return NotFound();
        }

        var ticket = await db.Set<Ticket>().AsNoTracking().Where(t => t.Id == survey.TicketId).Select(t => new { t.Number, t.Subject }).FirstAsync(cancellationToken);
        return new SurveyView(survey, Ticket.FormatReference(ticket.Number), ticket.Subject);
    }

    public async Task<Result<Survey>> AnswerAsync(string token, int? score, string? comment, CancellationToken cancellationToken)
    {
        var survey = await ByTokenAsync(token, cancellationToken);
        if (survey is null)
        {
            return NotFound();
        }

        if (survey.IsAnswered)
        {
            return Answered();
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (survey.IsExpired(now))
        {
            return Refusal.Unprocessable("service/survey-expired", "This survey link has expired.");
        }

        var text = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        var errors = new List<FieldRefusal>();
        if (score is not (>= 1 and <= 5))
        {
            errors.Add(new FieldRefusal("score", LocalizableText.Of("Choose a score from 1 to 5.")));
        }

        if (text?.Length > Survey.MaxCommentLength)
        {
            errors.Add(new FieldRefusal("comment", LocalizableText.Of("Write at most {0} characters.", Survey.MaxCommentLength)));
        }

        if (errors.Count > 0)
        {
            return Refusal.Invalid("service/survey-invalid", errors);
        }

        survey.Answer(score!.Value, text, now);
        events.Publish(new CsatReceivedIntegrationEvent(survey.TicketId, survey.CustomerId, score.Value, text));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Answered();
        }

        return survey;
    }

    private async Task<Survey?> ByTokenAsync(string token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
        {
            return null;
        }

        var hash = Survey.HashOf(token);
        return await db.Set<Survey>().FirstOrDefaultAsync(s => s.TokenHash == hash, cancellationToken);
    }

    private static Refusal NotFound() => Refusal.NotFound("service/survey-not-found", "This survey link is not valid.");

    private static Refusal Answered() => Refusal.Conflict("service/survey-answered", "This survey was already answered. Thank you!");
}
