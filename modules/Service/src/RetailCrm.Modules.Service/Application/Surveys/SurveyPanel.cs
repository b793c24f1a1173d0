using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Service.Application.Tickets;
using RetailCrm.Modules.Service.Domain.Surveys;
using RetailCrm.Modules.Service.Domain.Tickets;
using RetailCrm.Modules.Service.Infrastructure.Persistence;

namespace RetailCrm.Modules.Service.Application.Surveys;

/// <summary>The ticket's survey beside its conversation: sent when and how, and the customer's score and comment.</summary>
internal sealed class SurveyPanel(ServiceDbContext db) : ITicketPanelContributor
{
    public const string PartialView = "~/Web/Views/Survey/_TicketSurvey.cshtml";

    public async Task<TicketPanel?> PanelAsync(Ticket ticket, CancellationToken cancellationToken) =>
        await db.Set<Survey>().AsNoTracking().FirstOrDefaultAsync(s => s.TicketId == ticket.Id, cancellationToken) is { } survey
            ? new TicketPanel("survey", PartialView, survey, 300)
            : null;
}
