using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Modules.Service.Contracts;

namespace RetailCrm.Modules.Service.Application.Tickets;

internal static class TicketServices
{
    public static IServiceCollection AddServiceTickets(this IServiceCollection services)
    {
        services.AddScoped<TicketNumbers>();
        services.AddScoped<TicketTypeCatalog>();
        services.AddScoped<TicketInputCheck>();
        services.AddScoped<TicketService>();
        services.AddScoped<TicketQueries>();
        services.AddScoped<TicketTypeAdministration>();
        services.AddScoped<ITicketFeed, TicketFeed>();
        return services;
    }
}
