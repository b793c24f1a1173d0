using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Members.Application.Customers;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Members.Web;

/// <summary>RFC 9457 answers of the members API, with the field at fault under <c>errors</c>.</summary>
internal static class MembersProblems
{
    public static ObjectResult Problem(int status, string type, string title, string? detail = null, IDictionary<string, string[]>? errors = null, object? extension = null) =>
        ProblemResults.Result(status, "members/" + type, title, detail, errors, extension is null ? null : new Dictionary<string, object?> { ["candidates"] = extension });

    public static ObjectResult NotFound(string what) => Problem(404, "not-found", $"No such {what}", $"The {what} does not exist or is outside your data scope.");

    public static ObjectResult Invalid(string field, string message) =>
        Problem(400, "invalid", "The input is not valid", message, new Dictionary<string, string[]> { [field] = [message] });

    public static IActionResult From(ControllerBase controller, SaveOutcome outcome, bool created) => outcome switch
    {
        SaveOutcome.Saved saved when created => controller.Created($"/api/members/customers/{saved.Customer.Id}", saved.Customer),
        SaveOutcome.Saved saved => controller.Ok(saved.Customer),
        SaveOutcome.Invalid invalid => Problem(400, "invalid", "The customer is not valid", "See errors for each field.", invalid.Errors),
        SaveOutcome.DuplicatesFound duplicates => Problem(409, "likely-duplicates", "Likely duplicates exist",
            "Existing customers look like this one. Check them, then save again with keepDespiteDuplicates=true to keep both.", extension: duplicates.Candidates),
        SaveOutcome.PendingApproval pending => controller.Accepted($"/api/members/change-requests/{pending.ChangeRequestId}", new { changeRequestId = pending.ChangeRequestId, status = "PendingReview" }),
        SaveOutcome.Conflict conflict => Problem(409, "version-conflict", "The customer was changed meanwhile",
            $"Read it again (current version {conflict.CurrentVersion}) and repeat your change."),
        _ => NotFound("customer"),
    };
}
