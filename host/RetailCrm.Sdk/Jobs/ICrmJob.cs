namespace RetailCrm.Sdk.Jobs;

/// <summary>
/// A recurring background job, run once per tenant that has the job's module enabled, inside that tenant.
/// Register with <c>services.AddSingleton&lt;ICrmJob, T&gt;()</c>; resolve scoped services from the given provider.
/// </summary>
public interface ICrmJob
{
    /// <summary>Unique name, e.g. <c>cards.expiry</c>.</summary>
    string Name { get; }

    /// <summary>How often the job runs per tenant; one host instance runs it at a time (a database lease).</summary>
    TimeSpan Interval { get; }

    /// <summary>One run inside one tenant (the current tenant is set).</summary>
    Task ExecuteAsync(IServiceProvider scopedServices, CancellationToken cancellationToken);
}
