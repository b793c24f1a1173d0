namespace RetailCrm.Modules.Members.Contracts;

/// <summary>Who may be sent marketing now: the members module's consent, read at the moment of sending.</summary>
public interface IMarketingConsents
{
    /// <summary>The active customers among <paramref name="customerIds"/> who have agreed to marketing messages, as of now.</summary>
    Task<IReadOnlySet<Guid>> ConsentingAsync(IReadOnlyCollection<Guid> customerIds, CancellationToken cancellationToken = default);
}
