using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Members.Contracts;

/// <summary>A person another module met first (a caller, the writer of an e-mail) and wants to keep as a customer.</summary>
/// <param name="DisplayName">The name as the person gave it.</param>
/// <param name="Phone">A phone number in any format the tenant's region understands; null for none.</param>
/// <param name="Email">An e-mail address; null for none.</param>
public sealed record NewCustomerContact(string? DisplayName, string? Phone, string? Email);

/// <summary>An existing customer that looks like the one being registered.</summary>
/// <param name="CustomerId">The existing customer.</param>
/// <param name="Code">Its code.</param>
/// <param name="DisplayName">Its name.</param>
/// <param name="Reasons">Why it matches, e.g. <c>phone</c>, <c>email</c>.</param>
public sealed record LikelyDuplicate(Guid CustomerId, string Code, string DisplayName, IReadOnlyList<string> Reasons);

/// <summary>Registers customers for other modules with the members rules: normalization, codes and the duplicate check.</summary>
public interface ICustomerRegistration
{
    /// <summary>The refusal's extension that lists the <see cref="LikelyDuplicate"/> of a refused registration.</summary>
    public const string DuplicatesExtension = "duplicates";

    /// <summary>
    /// A new person customer, or the refusal: the fields at fault (400), or 409 with the likely duplicates under
    /// <see cref="DuplicatesExtension"/> unless <paramref name="keepDespiteDuplicates"/>.
    /// </summary>
    Task<Result<CustomerSummary>> RegisterAsync(NewCustomerContact contact, bool keepDespiteDuplicates, CancellationToken cancellationToken = default);
}

/// <summary>The members' phone normalization for other modules: a caller's number is compared in the form customers are stored in.</summary>
public interface IPhoneNumbers
{
    /// <summary>The number in E.164 under the tenant's phone region, or null when it is not a valid number.</summary>
    Task<string?> ToE164Async(string? phone, CancellationToken cancellationToken = default);
}
