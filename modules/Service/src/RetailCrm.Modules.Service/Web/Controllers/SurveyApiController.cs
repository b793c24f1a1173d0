using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Service.Application.Surveys;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Service.Web.Controllers;

/// <summary>A survey as its link shows it: the ticket it asks about, whether it was answered, until when it works.</summary>
internal sealed record SurveyDto(string TicketReference, string TicketSubject, bool Answered, DateTime? ExpiresAt);

/// <summary>The customer's answer: a score of 1 to 5 and an optional comment.</summary>
internal sealed record SurveyAnswerRequest(int? Score, string? Comment);

/// <summary>The answer as saved.</summary>
internal sealed record SurveyAnswerDto(Guid TicketId, int Score, string? Comment, DateTime AnsweredAt);

/// <summary>
/// The survey over JSON for the customer (no sign-in; the tenant comes from the host name or <c>X-Tenant</c>). An
/// unknown or altered token is 404, a second answer 409, an expired link 422, a score outside 1–5 a 400 at <c>score</c>.
/// </summary>
[ApiController]
[AllowAnonymous]
[Route("api/service/surveys")]
internal sealed class SurveyApiController(SurveyAnswers answers) : ControllerBase
{
    /// <summary>The survey behind a link (anonymous): the ticket it asks about, or 404, 409 when answered, 422 when expired.</summary>
    [HttpGet("{token}")]
    [ProducesResponseType<SurveyDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Get(string token, CancellationToken cancellationToken) =>
        (await answers.FindAsync(token, cancellationToken)).ToActionResult(s => Ok(new SurveyDto(s.TicketReference, s.TicketSubject, s.Survey.IsAnswered, s.Survey.ExpiresAt)));

    /// <summary>Answers the survey once (anonymous): a score of 1 to 5 and a comment.</summary>
    [HttpPost("{token}")]
    [ProducesResponseType<SurveyAnswerDto>(StatusCodes.Status200OK)]
    public async Task<IActionResult> Answer(string token, SurveyAnswerRequest request, CancellationToken cancellationToken) =>
        (await answers.AnswerAsync(token, request.Score, request.Comment, cancellationToken))
            .ToActionResult(s => Ok(new SurveyAnswerDto(s.TicketId, s.Score!.Value, s.Comment, s.AnsweredAt!.Value)));
}
