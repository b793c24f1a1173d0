using System.Globalization;

namespace RetailCrm.Host.Administration;

/// <summary>
/// One refusal: the field at fault, a problem type, and an English message that is also the key of
/// its translation (<c>Resources/zh-CN.json</c>), so pages translate it and the API sends it as is.
/// </summary>
public sealed record AdminError(string Field, string Type, string Message, params object[] Arguments)
{
    public string Text => string.Format(CultureInfo.InvariantCulture, Message, Arguments);
}

/// <summary>The outcome of an administration change: done (with the id of what it created) or refused.</summary>
public sealed class AdminResult
{
    private AdminResult(int status, IReadOnlyList<AdminError> errors, Guid? id = null)
    {
        Status = status;
        Errors = errors;
        Id = id;
    }

    public static AdminResult Ok { get; } = new(200, []);

    /// <summary>HTTP status for the API: 200, 400 (bad input), 404 (unknown id) or 409 (the current state forbids it).</summary>
    public int Status { get; }

    public IReadOnlyList<AdminError> Errors { get; }

    /// <summary>The id of the created entity.</summary>
    public Guid? Id { get; }

    public bool Succeeded => Errors.Count == 0;

    /// <summary>The problem type: the single error's, or <c>validation</c> when there are several.</summary>
    public string Type => Errors.Count == 1 ? Errors[0].Type : "validation";

    public static AdminResult Created(Guid id) => new(201, [], id);

    public static AdminResult Invalid(IReadOnlyList<AdminError> errors) => new(400, errors);

    public static AdminResult Invalid(string field, string type, string message, params object[] arguments) => new(400, [new AdminError(field, type, message, arguments)]);

    public static AdminResult NotFound(string what) => new(404, [new AdminError("id", "not-found", "No such {0}.", what)]);

    public static AdminResult Conflict(string field, string type, string message, params object[] arguments) => new(409, [new AdminError(field, type, message, arguments)]);
}
