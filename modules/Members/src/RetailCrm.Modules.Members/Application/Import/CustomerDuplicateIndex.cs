using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Members.Application.Customers;
using RetailCrm.Modules.Members.Domain;
using RetailCrm.Modules.Members.Infrastructure.Persistence;

namespace RetailCrm.Modules.Members.Application.Import;

/// <summary>
/// <see cref="DuplicateFinder"/>'s rules (same scores, same reasons) over keys preloaded into
/// memory: an import of 100,000 rows asks the database a handful of times instead of five times
/// per row. It also remembers the file's own rows, so that the same phone, e-mail or identity
/// number twice in one file is found too.
/// </summary>
internal sealed class CustomerDuplicateIndex
{
    private sealed record Existing(Guid Id, string Code, string DisplayName, string? Phone, string? Email, DateOnly? Birthday);

    private readonly Dictionary<Guid, Existing> _customers = [];
    private readonly Dictionary<string, List<Guid>> _phones = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Guid>> _emails = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Guid>> _identities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Guid>> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, HashSet<string>> _addresses = [];
    private readonly Dictionary<string, int> _filePhones = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _fileEmails = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _fileIdentities = new(StringComparer.Ordinal);

    public static async Task<CustomerDuplicateIndex> LoadAsync(MembersDbContext db, CancellationToken cancellationToken)
    {
        var index = new CustomerDuplicateIndex();
        var active = db.Set<Customer>().AsNoTracking().Where(c => c.Status == CustomerStatus.Active);
        await foreach (var c in active.Select(c => new { c.Id, c.Code, c.DisplayName, c.Phone, c.Email, c.IdentityNumber, c.NameKey, c.Birthday }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            index._customers[c.Id] = new Existing(c.Id, c.Code, c.DisplayName, c.Phone, c.Email, c.Birthday);
            Add(index._phones, c.Phone, c.Id);
            Add(index._emails, c.Email, c.Id);
            Add(index._identities, c.IdentityNumber, c.Id);
            Add(index._names, c.NameKey.Length > 0 ? c.NameKey : null, c.Id);
        }

        var points = db.Set<CustomerContactPoint>().AsNoTracking().Select(p => new { p.CustomerId, p.Kind, p.Value });
        await foreach (var p in points.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (index._customers.ContainsKey(p.CustomerId))
            {
                Add(p.Kind == ContactPointKind.Email ? index._emails : index._phones, p.Value, p.CustomerId);
            }
        }

        var addresses = db.Set<CustomerAddress>().AsNoTracking().Select(a => new { a.CustomerId, a.Street, a.Postcode });
        await foreach (var a in addresses.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (index._customers.ContainsKey(a.CustomerId))
            {
                if (!index._addresses.TryGetValue(a.CustomerId, out var keys))
                {
                    index._addresses[a.CustomerId] = keys = new HashSet<string>(StringComparer.Ordinal);
                }

                keys.Add(DuplicateFinder.AddressKey(a.Street, a.Postcode));
            }
        }

        return index;
    }

    /// <summary>Existing customers that are probably the draft, as <see cref="DuplicateFinder.FindAsync"/> would list them.</summary>
    public IReadOnlyList<DuplicateMatch> FindExisting(Customer draft)
    {
        var reasons = new Dictionary<Guid, (int Score, List<string> Reasons)>();
        void Hit(IEnumerable<Guid> ids, int score, string reason)
        {
            foreach (var id in ids)
            {
                var current = reasons.GetValueOrDefault(id, (0, []));
                current.Reasons.Add(reason);
                reasons[id] = (Math.Max(current.Score, score), current.Reasons);
            }
        }

        foreach (var phone in Phones(draft))
        {
            Hit(_phones.GetValueOrDefault(phone) ?? [], DuplicateFinder.ExactScore, "same phone");
        }

        foreach (var email in Emails(draft))
        {
            Hit(_emails.GetValueOrDefault(email) ?? [], DuplicateFinder.ExactScore, "same e-mail");
        }

        if (draft.IdentityNumber is { } identity)
        {
            Hit(_identities.GetValueOrDefault(identity) ?? [], DuplicateFinder.ExactScore, "same identity number");
        }

        if (draft.NameKey.Length > 0 && _names.TryGetValue(draft.NameKey, out var sameName))
        {
            if (draft.Birthday is { } birthday)
            {
                Hit(sameName.Where(id => _customers[id].Birthday == birthday), DuplicateFinder.NameAndBirthdayScore, "same name and birthday");
            }

            var streets = draft.Addresses.Select(a => DuplicateFinder.AddressKey(a.Street, a.Postcode)).ToHashSet(StringComparer.Ordinal);
            if (streets.Count > 0)
            {
                Hit(sameName.Where(id => _addresses.TryGetValue(id, out var keys) && keys.Overlaps(streets)), DuplicateFinder.NameAndAddressScore, "same name and address");
            }
        }

        return reasons
            .Select(r => (Customer: _customers[r.Key], r.Value.Score, r.Value.Reasons))
            .Select(x => new DuplicateMatch(x.Customer.Id, x.Customer.Code, x.Customer.DisplayName, x.Customer.Phone, x.Customer.Email, x.Score, x.Reasons.Distinct().ToList()))
            .OrderByDescending(m => m.Score).ThenBy(m => m.Code, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The earlier row of the file with the same phone, e-mail or identity number, and which of them.</summary>
    public (int Row, string Field, string Reason)? FindInFile(Customer draft)
    {
        foreach (var phone in Phones(draft))
        {
            if (_filePhones.TryGetValue(phone, out var row))
            {
                return (row, "phone", "same phone");
            }
        }

        foreach (var email in Emails(draft))
        {
            if (_fileEmails.TryGetValue(email, out var row))
            {
                return (row, "email", "same e-mail");
            }
        }

        return draft.IdentityNumber is { } identity && _fileIdentities.TryGetValue(identity, out var identityRow)
            ? (identityRow, "identityNumber", "same identity number")
            : null;
    }

    /// <summary>Remembers a row of the file; later rows with its keys are its duplicates.</summary>
    public void AddFromFile(Customer draft, int row)
    {
        foreach (var phone in Phones(draft))
        {
            _filePhones.TryAdd(phone, row);
        }

        foreach (var email in Emails(draft))
        {
            _fileEmails.TryAdd(email, row);
        }

        if (draft.IdentityNumber is { } identity)
        {
            _fileIdentities.TryAdd(identity, row);
        }
    }

    private static IEnumerable<string> Phones(Customer draft) =>
        new[] { draft.Phone }.Concat(draft.ContactPoints.Where(p => p.Kind != ContactPointKind.Email).Select(p => p.Value)).OfType<string>().Distinct();

    private static IEnumerable<string> Emails(Customer draft) =>
        new[] { draft.Email }.Concat(draft.ContactPoints.Where(p => p.Kind == ContactPointKind.Email).Select(p => p.Value)).OfType<string>().Distinct();

    private static void Add(Dictionary<string, List<Guid>> keys, string? key, Guid id)
    {
        if (key is null)
        {
            return;
        }

        if (!keys.TryGetValue(key, out var ids))
        {
            keys[key] = ids = [];
        }

        if (!ids.Contains(id))
        {
            ids.Add(id);
        }
    }
}
