using RetailCrm.Modules.Members.Application.Customers;

namespace RetailCrm.Modules.Members.Application.Duplicates;

/// <summary>What the scan compares of one active customer, already normalized.</summary>
internal sealed record ScanRecord(
    Guid Id,
    string NameKey,
    DateOnly? Birthday,
    string? IdentityNumber,
    IReadOnlyCollection<string> Phones,
    IReadOnlyCollection<string> Emails,
    IReadOnlyCollection<string> AddressKeys);

/// <summary>A likely pair found by the scan: the best score and every reason.</summary>
internal sealed record ScoredPair(Guid FirstId, Guid SecondId, int Score, IReadOnlyList<string> Reasons)
{
    public string ReasonText => string.Join("; ", Reasons);
}

/// <summary>
/// Finds likely duplicate pairs among many customers without comparing every customer with every
/// other: customers are grouped by blocking keys (phone, e-mail, identity number, name + birthday,
/// name + address, name, birthday) and only customers of one group are compared.
/// </summary>
internal static class DuplicateMatching
{
    /// <summary>Same name, and a phone number that differs in one digit (a typo).</summary>
    public const int SameNameNearPhoneScore = 70;

    /// <summary>Same birthday, and names one letter apart (张伟 / 张玮, Anna / Ana).</summary>
    public const int SimilarNameAndBirthdayScore = 65;

    /// <summary>
    /// A key shared by more customers than this is a placeholder (the store's phone typed for
    /// everyone, 1900-01-01), not a sign of duplicates; such groups are skipped.
    /// </summary>
    public const int MaxExactGroup = 50;

    /// <summary>Fuzzy groups (one name, one birthday) are larger; their comparison is cheap.</summary>
    public const int MaxFuzzyGroup = 500;

    public static IReadOnlyList<ScoredPair> FindPairs(IReadOnlyList<ScanRecord> records)
    {
        var pairs = new Dictionary<(Guid, Guid), (int Score, SortedSet<string> Reasons)>();
        void Hit(ScanRecord a, ScanRecord b, int score, string reason)
        {
            if (a.Id == b.Id)
            {
                return;
            }

            var key = Ordered(a.Id, b.Id);
            if (!pairs.TryGetValue(key, out var found))
            {
                found = (0, new SortedSet<string>(StringComparer.Ordinal));
            }

            found.Reasons.Add(reason);
            pairs[key] = (Math.Max(found.Score, score), found.Reasons);
        }

        Compare(records, r => r.Phones, MaxExactGroup, (a, b) => Hit(a, b, DuplicateFinder.ExactScore, "same phone"));
        Compare(records, r => r.Emails, MaxExactGroup, (a, b) => Hit(a, b, DuplicateFinder.ExactScore, "same e-mail"));
        Compare(records, r => r.IdentityNumber is { Length: > 0 } id ? [id] : [], MaxExactGroup,
            (a, b) => Hit(a, b, DuplicateFinder.ExactScore, "same identity number"));
        Compare(records, r => r.NameKey.Length > 0 && r.Birthday is { } day ? [r.NameKey + "|" + day.DayNumber] : [], MaxExactGroup,
            (a, b) => Hit(a, b, DuplicateFinder.NameAndBirthdayScore, "same name and birthday"));
        Compare(records, r => r.NameKey.Length > 0 ? r.AddressKeys.Select(k => r.NameKey + "|" + k) : [], MaxExactGroup,
            (a, b) => Hit(a, b, DuplicateFinder.NameAndAddressScore, "same name and address"));
        Compare(records, r => r.NameKey.Length > 0 && r.Phones.Count > 0 ? [r.NameKey] : [], MaxFuzzyGroup, (a, b) =>
        {
            if (a.Phones.Any(p => b.Phones.Any(q => OneDigitApart(p, q))))
            {
                Hit(a, b, SameNameNearPhoneScore, "same name, phone one digit apart");
            }
        });
        Compare(records, r => r.NameKey.Length >= 2 && r.Birthday is { } day ? [day.DayNumber.ToString(System.Globalization.CultureInfo.InvariantCulture)] : [], MaxFuzzyGroup, (a, b) =>
        {
            if (a.NameKey != b.NameKey && b.NameKey.Length >= 2 && AtMostOneEditApart(a.NameKey, b.NameKey))
            {
                Hit(a, b, SimilarNameAndBirthdayScore, "similar name and same birthday");
            }
        });

        return pairs
            .Select(p => new ScoredPair(p.Key.Item1, p.Key.Item2, p.Value.Score, p.Value.Reasons.ToList()))
            .OrderByDescending(p => p.Score)
            .ToList();
    }

    /// <summary>The pair in the order it is stored in, so that (a, b) and (b, a) are one row.</summary>
    public static (Guid First, Guid Second) Ordered(Guid a, Guid b) => a.CompareTo(b) <= 0 ? (a, b) : (b, a);

    /// <summary>Strings equal but for one inserted, deleted or replaced character.</summary>
    public static bool AtMostOneEditApart(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }

        var (shorter, longer) = a.Length <= b.Length ? (a, b) : (b, a);
        var i = 0;
        while (i < shorter.Length && shorter[i] == longer[i])
        {
            i++;
        }

        // Past the first difference, the rest must match after skipping one character of the longer
        // string (insertion) or of both (replacement).
        return shorter.Length == longer.Length
            ? shorter.AsSpan(Math.Min(i + 1, shorter.Length)).SequenceEqual(longer.AsSpan(Math.Min(i + 1, longer.Length)))
            : shorter.AsSpan(i).SequenceEqual(longer.AsSpan(i + 1));
    }

    /// <summary>Phone numbers of the same length that differ in exactly one digit.</summary>
    public static bool OneDigitApart(string a, string b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        var differences = 0;
        for (var i = 0; i < a.Length && differences < 2; i++)
        {
            if (a[i] != b[i])
            {
                differences++;
            }
        }

        return differences == 1;
    }

    private static void Compare(IReadOnlyList<ScanRecord> records, Func<ScanRecord, IEnumerable<string>> keys, int maxGroup, Action<ScanRecord, ScanRecord> compare)
    {
        var groups = new Dictionary<string, List<ScanRecord>>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            foreach (var key in keys(record).Distinct(StringComparer.Ordinal))
            {
                if (!groups.TryGetValue(key, out var group))
                {
                    groups[key] = group = [];
                }

                group.Add(record);
            }
        }

        foreach (var group in groups.Values.Where(g => g.Count > 1 && g.Count <= maxGroup))
        {
            for (var i = 0; i < group.Count; i++)
            {
                for (var j = i + 1; j < group.Count; j++)
                {
                    compare(group[i], group[j]);
                }
            }
        }
    }
}
