using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Samples.Alpha.Contracts;
using RetailCrm.Samples.Beta.Persistence;
using RetailCrm.Sdk.Events;
using RetailCrm.Sdk.Modularity;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Samples.Beta;

/// <summary>Sample module 'beta': receives alpha's events through the outbox and lists them.</summary>
public sealed class BetaModule : CrmModule
{
    public override void ConfigureServices(ModuleServiceContext context)
    {
        context.AddDbContext<BetaDbContext>();
        context.Services.AddScoped<IIntegrationEventHandler<AlphaThingCreatedIntegrationEvent>, AlphaThingCreatedHandler>();
        context.Services.AddSingleton<IMenuContributor, BetaMenu>();
        context.Services.AddScoped<ITimelineContributor, BrokenTimeline>();
    }
}

internal sealed class BetaMenu : IMenuContributor
{
    public IEnumerable<MenuItem> GetMenuItems() => [new MenuItem("beta.received", "Beta", "/api/beta/received") { TextZh = "贝塔" }];
}
