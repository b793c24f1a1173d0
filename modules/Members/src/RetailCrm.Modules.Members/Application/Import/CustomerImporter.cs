using System.Globalization;
using RetailCrm.Modules.Members.Application.Customers;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Modules.Members.Contracts.Events;
using RetailCrm.Modules.Members.Domain;
using RetailCrm.Modules.Members.Infrastructure.Persistence;
using RetailCrm.Sdk.Data;
using RetailCrm.Sdk.Results;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Settings;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Members.Application.Import;

/// <summary>A customer row that passed normalization, and whether it duplicates an existing customer or an earlier row.</summary>
internal sealed record CustomerCandidate(int Row, Customer Draft, bool IsDuplicate);

/// <summary>The result of reading every row: the customers that could be written and the findings.</summary>
internal sealed record CustomerAnalysis(int TotalRows, IReadOnlyList<CustomerCandidate> Candidates, RowFindings Findings);

/// <summary>
/// Customer import: every row goes through <see cref="CustomerService"/>'s normalization rules
/// (phones E.164, e-mails, names, postcodes, custom fields) and <see cref="DuplicateFinder"/>'s
/// duplicate rules; the commit writes the rows in one transaction with prepared inserts, with codes
/// reserved as one block.
/// </summary>
internal sealed class CustomerImporter(MembersDbContext db, CustomerService customers, CustomerCodeGenerator codes, ISettingProvider settings, ICurrentUser currentUser, IBulkWriter bulk)
{
    private static readonly char[] TagSeparators = [',', ';', '|', '，', '；', '、'];
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/MM/dd", "yyyy.MM.dd", "yyyyMMdd", "yyyy-M-d", "yyyy/M/d", "yyyy年M月d日", "yyyy-MM-dd HH:mm:ss", "yyyy/MM/dd HH:mm:ss"];

    public async Task<CustomerAnalysis> AnalyzeAsync(TableContent table, ResolvedMapping mapping, CancellationToken cancellationToken)
    {
        var rules = await customers.NormalizationRulesAsync(cancellationToken);
        var index = await CustomerDuplicateIndex.LoadAsync(db, cancellationToken);
        var findings = new RowFindings();
        var candidates = new List<CustomerCandidate>(table.Rows.Count);
        foreach (var row in table.Rows)
        {
            var input = ToInput(row, mapping, findings);
            var (draft, errors) = rules.Normalize(input);
            foreach (var error in errors)
            {
                var target = ImportField(error.Field);
                findings.Error(row.Number, target, mapping.Column(target), error.Text);
            }

            if (findings.HasError(row.Number))
            {
                continue;
            }

            var duplicate = false;
            if (index.FindInFile(draft) is { } earlier)
            {
                findings.Duplicate(row.Number, earlier.Field, mapping.Column(earlier.Field), LocalizableText.Of("Duplicate of row {0} in this file ({1}).", earlier.Row, earlier.Reason), $"row {earlier.Row}");
                duplicate = true;
            }

            foreach (var match in index.FindExisting(draft))
            {
                findings.Duplicate(row.Number, "customer", null, LocalizableText.Of("Likely the existing customer {0} {1} (score {2}: {3}).", match.Code, match.DisplayName, match.Score, string.Join(", ", match.Reasons)), match.Code);
                duplicate = true;
            }

            index.AddFromFile(draft, row.Number);
            candidates.Add(new CustomerCandidate(row.Number, draft, duplicate));
        }

        return new CustomerAnalysis(table.Rows.Count, candidates, findings);
    }

    /// <summary>
    /// Writes the chosen rows inside the caller's transaction with the kernel's <see cref="IBulkWriter"/>: each
    /// row stored, stamped and audited as SaveChanges would, and one <see cref="CustomerCreatedIntegrationEvent"/>
    /// per customer in the outbox, all in the same transaction.
    /// </summary>
    public async Task<int> WriteAsync(IReadOnlyList<CustomerCandidate> rows, IReadOnlyList<string> reservedCodes, CancellationToken cancellationToken)
    {
        var now = DateTime.UtcNow;
        await using var write = bulk.Open(db);
        for (var i = 0; i < rows.Count; i++)
        {
            var draft = rows[i].Draft;
            CustomerChanges.StartNew(draft, reservedCodes[i], now, currentUser.Id, currentUser.OrganizationUnitId);
            await write.InsertAsync(draft, cancellationToken);
            foreach (var address in draft.Addresses)
            {
                address.CustomerId = draft.Id;
                await write.InsertAsync(address, cancellationToken);
            }

            foreach (var point in draft.ContactPoints)
            {
                point.CustomerId = draft.Id;
                await write.InsertAsync(point, cancellationToken);
            }

            foreach (var anniversary in draft.Anniversaries)
            {
                anniversary.CustomerId = draft.Id;
                await write.InsertAsync(anniversary, cancellationToken);
            }

            foreach (var tag in draft.Tags)
            {
                tag.CustomerId = draft.Id;
                await write.InsertAsync(tag, cancellationToken);
            }

            foreach (var field in draft.CustomFields)
            {
                field.CustomerId = draft.Id;
                await write.InsertAsync(field, cancellationToken);
            }

            await write.PublishAsync(new CustomerCreatedIntegrationEvent(draft.Id, draft.Code, draft.DisplayName), cancellationToken);
        }

        return rows.Count;
    }

    public async Task<IReadOnlyList<string>> ReserveCodesAsync(int count, CancellationToken cancellationToken) =>
        await codes.NextBlockAsync(await settings.GetAsync(MembersSettings.CodeFormat, cancellationToken) ?? "C{yyyy}{seq:6}", count, cancellationToken);

    private static CustomerInput ToInput(TableRow row, ResolvedMapping mapping, RowFindings findings)
    {
        string? Get(string field) => mapping.Get(row, field);
        var birthdayText = Get("birthday");
        DateOnly? birthday = null;
        if (birthdayText is not null)
        {
            if (DateTime.TryParseExact(birthdayText, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed))
            {
                birthday = DateOnly.FromDateTime(parsed);
            }
            else
            {
                findings.Error(row.Number, "birthday", mapping.Column("birthday"), LocalizableText.Of("'{0}' is not a date (yyyy-MM-dd).", birthdayText));
            }
        }

        var consentText = Get("marketingConsent");
        var consent = consentText is not null && (consentText.ToLowerInvariant() is "1" or "true" or "yes" or "y" or "x" or "是" or "同意" or "√");
        var kindText = Get("kind")?.ToLowerInvariant();
        var kind = kindText is "organization" or "organisation" or "org" or "company" or "business" or "trade" or "企业" or "公司" or "单位" or "组织"
            ? CustomerKind.Organization
            : CustomerKind.Person;
        AddressInput[] addresses = Get("street") is null && Get("postcode") is null && Get("city") is null && Get("province") is null && Get("district") is null
            ? []
            : [new AddressInput(AddressKind.Home, "CN", Get("province"), Get("city"), Get("district"), Get("street"), Get("postcode"), true)];
        var customFields = mapping.Fields.Where(f => f.StartsWith(ImportFields.CustomPrefix, StringComparison.Ordinal))
            .ToDictionary(f => f[ImportFields.CustomPrefix.Length..], f => Get(f));
        return new CustomerInput
        {
            Kind = kind,
            DisplayName = Get("displayName"),
            FamilyName = Get("familyName"),
            GivenName = Get("givenName"),
            Gender = Get("gender"),
            Birthday = birthday,
            IdentityNumber = Get("identityNumber"),
            Phone = Get("phone"),
            Email = Get("email"),
            Tier = Get("tier"),
            MarketingConsent = consent,
            Notes = Get("notes"),
            Addresses = addresses,
            Tags = (Get("tags") ?? "").Split(TagSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            CustomFields = customFields,
        };
    }

    /// <summary>The import field a normalizer error is about: <c>addresses[0].postcode</c> → <c>postcode</c>, <c>customFields.size</c> → <c>custom:size</c>.</summary>
    private static string ImportField(string normalizerField) => normalizerField switch
    {
        _ when normalizerField.StartsWith("addresses[", StringComparison.Ordinal) => normalizerField[(normalizerField.IndexOf('.', StringComparison.Ordinal) + 1)..] is var f && f == "region" ? "street" : f,
        _ when normalizerField.StartsWith("customFields.", StringComparison.Ordinal) => ImportFields.CustomPrefix + normalizerField["customFields.".Length..],
        _ => normalizerField,
    };
}
