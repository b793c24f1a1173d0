using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Sdk.Jobs;

namespace RetailCrm.Modules.Service.Application.FollowUps;

/// <summary>Every hour, opens the follow-up visits that are due.</summary>
internal sealed class FollowUpJob : ICrmJob
{
    public string Name => "service.follow-ups";

    public TimeSpan Interval => TimeSpan.FromHours(1);

    public Task ExecuteAsync(IServiceProvider scopedServices, CancellationToken cancellationToken) =>
        scopedServices.GetRequiredService<FollowUpOpener>().OpenDueAsync(cancellationToken);
}
