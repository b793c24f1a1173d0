using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Sdk.Jobs;

namespace RetailCrm.Modules.Members.Application.Duplicates;

/// <summary>Scans each tenant's customers for likely duplicates a few times a day; also on demand through the API.</summary>
internal sealed class DuplicateScanJob : ICrmJob
{
    public string Name => "members.duplicate-scan";

    public TimeSpan Interval => TimeSpan.FromHours(6);

    public Task ExecuteAsync(IServiceProvider scopedServices, CancellationToken cancellationToken) =>
        scopedServices.GetRequiredService<DuplicateScanner>().ScanAsync(cancellationToken);
}
