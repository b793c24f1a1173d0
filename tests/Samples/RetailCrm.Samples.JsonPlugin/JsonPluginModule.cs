using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Samples.Alpha.Contracts;
using RetailCrm.Sdk.Events;
using RetailCrm.Sdk.Modularity;

namespace RetailCrm.Samples.JsonPlugin;

/// <summary>Sample plugin: reports the Newtonsoft.Json it sees and counts alpha's events.</summary>
public sealed class JsonPluginModule : CrmModule
{
    public override void ConfigureServices(ModuleServiceContext context) =>
        context.Services.AddScoped<IIntegrationEventHandler<AlphaThingCreatedIntegrationEvent>, AlphaThingCounter>();
}

internal sealed class AlphaThingCounter : IIntegrationEventHandler<AlphaThingCreatedIntegrationEvent>
{
    public Task HandleAsync(AlphaThingCreatedIntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        VersionReport.CountEvent();
        return Task.CompletedTask;
    }
}
