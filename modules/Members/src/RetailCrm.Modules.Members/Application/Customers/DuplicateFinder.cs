using Microsoft.EntityFrameworkCore;
using RetailCrm.Modules.Members.Domain;
using RetailCrm.Modules.Members.Infrastructure.Persistence;

namespace RetailCrm.Modules.Members.Application.Customers;

/// <summary>An existing customer that is probably the one being entered, with a score 0–100 and why.</summary>
internal sealed record DuplicateMatch(Guid CustomerId, string Code, string DisplayName, string? Phone, string? Email, int Score, IReadOnlyList<string> Reasons);

/// <summary>
/// Finds customers that are the same person or company: exact matches on normalized phone,
/// e-mail or identity number (score 100), likely ones on name + birthday (85) or name + address (75).
/// </summary>
internal sealed class DuplicateFinder(MembersDbContext db)
{
    public const int ExactScore = 100;
    public const int NameAndBirthdayScore = 85;
    public const int NameAndAddressScore = 75;

    public async Task<IReadOnlyList<DuplicateMatch>> FindAsync(Customer draft, Guid? excludeId, CancellationToken cancellationToken)
    {
        var reasons = new Dictionary<Guid, (int Score, List<string> Reasons)>();
        void Hit(IEnumerable<Guid> ids, int score, string reason)
        {
            foreach (var id in ids.Where(id => id != excludeId))
            {
                var current = reasons.GetValueOrDefault(id, (0, []));
                current.Reasons.Add(reason);
                reasons[id] = (Math.Max(current.Score, score), current.Reasons);
            }
        }

        var active = db.Set<Customer>().Where(c => c.Status == CustomerStatus.Active);
        var phones = new[] { draft.Phone }.Concat(draft.ContactPoints.Where(p => p.Kind != ContactPointKind.Email).Select(p => p.Value)).OfType<string>().Distinct().ToList();
        var emails = new[] { draft.Email }.Concat(draft.ContactPoints.Where(p => p.Kind == ContactPointKind.Email).Select(p => p.Value)).OfType<string>().Distinct().ToList();
        if (phones.Count > 0)
        {
            Hit(await active.Where(c => phones.Contains(c.Phone!)).Select(c => c.Id).ToListAsync(cancellationToken), ExactScore, "same phone");
            Hit(await db.Set<CustomerContactPoint>().Where(p => p.Kind != ContactPointKind.Email && phones.Contains(p.Value)).Select(p => p.CustomerId).ToListAsync(cancellationToken), ExactScore, "same phone");
        }

        if (emails.Count > 0)
        {
            Hit(await active.Where(c => emails.Contains(c.Email!)).Select(c => c.Id).ToListAsync(cancellationToken), ExactScore, "same e-mail");
            Hit(await db.Set<CustomerContactPoint>().Where(p => p.Kind == ContactPointKind.Email && emails.Contains(p.Value)).Select(p => p.CustomerId).ToListAsync(cancellationToken), ExactScore, "same e-mail");
        }

        if (draft.IdentityNumber is { } identity)
        {
            Hit(await active.Where(c => c.IdentityNumber == identity).Select(c => c.Id).ToListAsync(cancellationToken), ExactScore, "same identity number");
        }

        if (draft.NameKey.Length > 0)
        {
            var sameName = await active.Where(c => c.NameKey == draft.NameKey)
                .Select(c => new { c.Id, c.Birthday, Addresses = c.Addresses.Select(a => new { a.Street, a.Postcode }).ToList() })
                .Take(200)
                .ToListAsync(cancellationToken);
            if (draft.Birthday is { } birthday)
            {
                Hit(sameName.Where(c => c.Birthday == birthday).Select(c => c.Id), NameAndBirthdayScore, "same name and birthday");
            }

            var streets = draft.Addresses.Select(a => AddressKey(a.Street, a.Postcode)).ToHashSet();
            Hit(sameName.Where(c => c.Addresses.Any(a => streets.Contains(AddressKey(a.Street, a.Postcode)))).Select(c => c.Id), NameAndAddressScore, "same name and address");
        }

        if (reasons.Count == 0)
        {
            return [];
        }

        var ids = reasons.Keys.ToList();
        var customers = await active.Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.Code, c.DisplayName, c.Phone, c.Email }).ToListAsync(cancellationToken);
        return customers
            .Select(c => new DuplicateMatch(c.Id, c.Code, c.DisplayName, c.Phone, c.Email, reasons[c.Id].Score, reasons[c.Id].Reasons.Distinct().ToList()))
            .OrderByDescending(m => m.Score).ThenBy(m => m.Code, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Street and postcode compared without case, spaces or punctuation.</summary>
    public static string AddressKey(string street, string? postcode) =>
        DataQuality.NameNormalizer.Key(street) + "|" + (postcode ?? "");
}
