using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Service.Application.Surveys;
using RetailCrm.Sdk.Results;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Service.Web.Controllers;

/// <summary>What the survey page's form posts.</summary>
internal sealed record SurveyForm(int? Score, string? Comment);

/// <summary>
/// The customer's survey page, reached from the mail or SMS without signing in: the tenant comes from the host name
/// (the kernel's tenant resolution), the survey from the link's token. A second answer shows "already answered" (409).
/// </summary>
[AllowAnonymous]
[Route("service/survey")]
internal sealed class SurveyPagesController(SurveyAnswers answers) : CrmPageController
{
    private const string FormView = "~/Web/Views/Survey/SurveyForm.cshtml";
    private const string OutcomeView = "~/Web/Views/Survey/SurveyOutcome.cshtml";

    [HttpGet("{token}")]
    public async Task<IActionResult> Show(string token, CancellationToken cancellationToken)
    {
        var found = await answers.FindAsync(token, cancellationToken);
        if (found.IsRefused)
        {
            return Outcome(SurveyOutcome.NotFound, StatusCodes.Status404NotFound);
        }

        return found.Value.Survey.IsAnswered ? Outcome(SurveyOutcome.AlreadyAnswered, StatusCodes.Status409Conflict) : View(FormView, new SurveyFormPage(token, found.Value));
    }

    [HttpPost("{token}")]
    public async Task<IActionResult> Answer(string token, SurveyForm form, CancellationToken cancellationToken)
    {
        var answered = await answers.AnswerAsync(token, form.Score, form.Comment, cancellationToken);
        if (!answered.IsRefused)
        {
            return Outcome(SurveyOutcome.Thanks, StatusCodes.Status200OK);
        }

        return answered.Refusal!.Kind switch
        {
            RefusalKind.NotFound => Outcome(SurveyOutcome.NotFound, StatusCodes.Status404NotFound),
            RefusalKind.Conflict => Outcome(SurveyOutcome.AlreadyAnswered, StatusCodes.Status409Conflict),
            RefusalKind.Unprocessable => Outcome(SurveyOutcome.Expired, StatusCodes.Status422UnprocessableEntity),
            _ => await RefusedAsync(answered.Refusal, async () =>
            {
                var found = await answers.FindAsync(token, cancellationToken);
                return View(FormView, new SurveyFormPage(token, found.Value));
            }),
        };
    }

    private ViewResult Outcome(SurveyOutcome outcome, int status)
    {
        var view = View(OutcomeView, outcome);
        view.StatusCode = status;
        return view;
    }
}

/// <summary>The survey's form: the token it posts back to and the ticket it asks about.</summary>
internal sealed record SurveyFormPage(string Token, SurveyView Survey);

/// <summary>What the survey's outcome page says.</summary>
internal enum SurveyOutcome
{
    Thanks,
    AlreadyAnswered,
    Expired,
    NotFound,
}
