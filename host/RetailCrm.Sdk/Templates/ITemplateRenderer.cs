using RetailCrm.Sdk.Results;

namespace RetailCrm.Sdk.Templates;

/// <summary>
/// What a template made. The body is the template's output; the template sets the subject and an HTML body by
/// capturing them: <c>{{ capture subject }}Re: {{ ticket.subject }}{{ end }}</c>, <c>{{ capture html }}...{{ end }}</c>.
/// </summary>
/// <param name="Subject">The captured <c>subject</c>, trimmed; empty when the template sets none.</param>
/// <param name="Text">The plain-text body (the output), trimmed.</param>
/// <param name="Html">The captured <c>html</c>, or null when the template sets none.</param>
public sealed record RenderedTemplate(string Subject, string Text, string? Html);

/// <summary>One error of a template: where it is (1-based line and column) and what is wrong.</summary>
public sealed record TemplateError(int Line, int Column, string Message)
{
    /// <summary>The error as people read it, e.g. <c>line 3, column 7: ...</c>.</summary>
    public override string ToString() => $"line {Line}, column {Column}: {Message}";
}

/// <summary>
/// Renders the product's templates with Scriban: a tenant's override when it has one, else the declaring module's
/// default, in the requested culture (<c>en</c>, <c>zh-CN</c>) with the culture-neutral text as fallback. The model's
/// members are read snake_case (<c>TicketNumber</c> as <c>ticket_number</c>). Templates are sandboxed: no includes,
/// limited loops and recursion, and a time limit.
/// </summary>
public interface ITemplateRenderer
{
    /// <summary>
    /// Renders a template for the current tenant. A template that does not parse or fails on the model is refused
    /// (<see cref="RefusalKind.Unprocessable"/>, code <c>template-failed</c>, extension <c>templateErrors</c> with each
    /// <see cref="TemplateError"/>); an unknown key is <see cref="RefusalKind.NotFound"/>.
    /// </summary>
    Task<Result<RenderedTemplate>> RenderAsync(string key, object model, string culture, CancellationToken cancellationToken = default);

    /// <summary>The syntax errors of a template text with their line and column; empty when it parses.</summary>
    IReadOnlyList<TemplateError> Validate(string text);
}
