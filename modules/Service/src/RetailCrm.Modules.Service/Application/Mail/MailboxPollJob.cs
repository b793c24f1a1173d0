using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Modules.Service.Domain.Mail;
using RetailCrm.Modules.Service.Infrastructure.Persistence;
using RetailCrm.Sdk.Jobs;

namespace RetailCrm.Modules.Service.Application.Mail;

/// <summary>Every minute (<c>RetailCrm:Service:MailPollSeconds</c>), in each tenant, reads the new mail of every active mailbox.</summary>
internal sealed class MailboxPollJob(IConfiguration configuration) : ICrmJob
{
    public string Name => "service.mail-poll";

    public TimeSpan Interval { get; } = TimeSpan.FromSeconds(configuration.GetValue("RetailCrm:Service:MailPollSeconds", 60));

    public async Task ExecuteAsync(IServiceProvider scopedServices, CancellationToken cancellationToken)
    {
        var ids = await scopedServices.GetRequiredService<ServiceDbContext>().Set<Mailbox>().AsNoTracking()
            .Where(m => m.IsActive).OrderBy(m => m.CreatedAt).Select(m => m.Id).ToListAsync(cancellationToken);
        var poller = scopedServices.GetRequiredService<MailboxPoller>();
        foreach (var id in ids)
        {
            await poller.PollAsync(id, cancellationToken);
        }
    }
}
