using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Modules.Service.Application.Tickets;
using RetailCrm.Sdk.DemoData;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Service.Application.Knowledge;

internal static class KnowledgeServices
{
    public static IServiceCollection AddServiceKnowledge(this IServiceCollection services)
    {
        services.AddSingleton<ArticleMarkdown>();
        services.AddScoped<KnowledgeBase>();
        services.AddScoped<KnowledgeEditor>();
        services.AddScoped<ArticleVoting>();
        services.AddScoped<IDemoDataContributor, KnowledgeDemoData>();
        services.AddSingleton<IMenuContributor, KnowledgeMenu>();
        services.AddScoped<ITicketPanelContributor, KnowledgeTicketPanel>();
        return services;
    }
}

internal sealed class KnowledgeMenu : IMenuContributor
{
    public IEnumerable<MenuItem> GetMenuItems() =>
    [
        new("service.kb", "Knowledge base", "/service/kb", 560) { TextZh = "知识库", Icon = "book-open", RequiredPermission = Contracts.ServicePermissions.KbView },
    ];
}
