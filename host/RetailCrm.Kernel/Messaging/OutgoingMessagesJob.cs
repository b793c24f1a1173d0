using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Sdk.Jobs;

namespace RetailCrm.Kernel.Messaging;

/// <summary>Sends every tenant's due outgoing messages, on one host instance at a time (the job lease).</summary>
internal sealed class OutgoingMessagesJob(IConfiguration configuration) : ICrmJob
{
    public string Name => "crm.outgoing-messages";

    public TimeSpan Interval { get; } = TimeSpan.FromMilliseconds(configuration.GetValue("RetailCrm:Messaging:PollMilliseconds", 5_000));

    public Task ExecuteAsync(IServiceProvider scopedServices, CancellationToken cancellationToken) =>
        scopedServices.GetRequiredService<OutgoingMessageSender>().SendDueAsync(cancellationToken);
}
