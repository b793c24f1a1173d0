using RetailCrm.Modules.Service.Application.Tickets;
using RetailCrm.Modules.Service.Contracts;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Service.Application.WebForm;

/// <summary>
/// What a visitor sends with the public contact form. <see cref="Website"/> is the honeypot: a hidden input that people
/// never see, so a value there means a bot.
/// </summary>
internal sealed record WebFormRequest
{
    public string? ContactName { get; init; }

    public string? ContactEmail { get; init; }

    public string? ContactPhone { get; init; }

    public string? Subject { get; init; }

    public string? Body { get; init; }

    public string? Website { get; init; }
}

/// <summary>What the form did: the ticket's reference, or nothing for a bot (which is told the same success).</summary>
internal sealed record WebFormOutcome(string? Reference);

/// <summary>Opens a WebForm ticket from the public contact form; a bot's post (the honeypot filled) writes nothing.</summary>
internal sealed class WebFormService(TicketService tickets)
{
    public const int MaxBodyLength = 5_000;

    public async Task<Result<WebFormOutcome>> SubmitAsync(WebFormRequest request, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(request.Website))
        {
            return new WebFormOutcome(null);
        }

        var fields = new List<FieldRefusal>();
        if (string.IsNullOrWhiteSpace(request.ContactName))
        {
            fields.Add(new FieldRefusal("contactName", LocalizableText.Of("Tell us your name.")));
        }

        if (string.IsNullOrWhiteSpace(request.ContactEmail) && string.IsNullOrWhiteSpace(request.ContactPhone))
        {
            fields.Add(new FieldRefusal("contactEmail", LocalizableText.Of("Give an e-mail address or a phone number, so that we can answer.")));
        }

        if (request.Body?.Trim() is not { Length: > 0 and <= MaxBodyLength })
        {
            fields.Add(new FieldRefusal("body", LocalizableText.Of("Write your message (at most {0} characters).", MaxBodyLength)));
        }

        if (fields.Count > 0)
        {
            return Refusal.Invalid("service/web-form-invalid", fields).Titled("The form is not complete");
        }

        var body = request.Body!.Trim();
        var opened = await tickets.OpenAsync(new NewTicket
        {
            Subject = string.IsNullOrWhiteSpace(request.Subject) ? (body.Length > 60 ? body[..60] + "…" : body) : request.Subject,
            Body = body,
            Channel = TicketChannel.WebForm,
            ContactName = request.ContactName,
            ContactEmail = request.ContactEmail,
            ContactPhone = request.ContactPhone,
        }, cancellationToken);
        return opened.Map(t => new WebFormOutcome(t.Reference));
    }
}
