using System.Globalization;
using System.Text.Json;
using RetailCrm.Modules.Members.Application.Customers;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Modules.Members.Contracts.Events;
using RetailCrm.Modules.Members.Domain;
using RetailCrm.Modules.Members.Infrastructure.Persistence;
using RetailCrm.Sdk.Data;
using RetailCrm.Sdk.Events;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Settings;

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
internal sealed class CustomerImporter(MembersDbContext db, CustomerService customers, CustomerCodeGenerator codes, ISettingProvider settings, ICurrentTenant tenant, ICurrentUser currentUser)
{
    /// <summary>Integration event payloads as the event bus writes them (web defaults: camelCase).</summary>
    private static readonly JsonSerializerOptions EventPayload = new(JsonSerializerDefaults.Web);

    private static readonly char[] TagSeparators = [',', ';', '|', '，', '；', '、'];
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/MM/dd", "yyyy.MM.dd", "yyyyMMdd", "yyyy-M-d", "yyyy/M/d", "yyyy年M月d日", "yyyy-MM-dd HH:mm:ss", "yyyy/MM/dd HH:mm:ss"];

    public async Task<CustomerAnalysis> AnalyzeAsync(ImportTable table, ResolvedMapping mapping, CancellationToken cancellationToken)
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
                findings.Error(row.Number, target, mapping.Column(target), error.Text.English());
            }

            if (findings.HasError(row.Number))
            {
                continue;
            }

            var duplicate = false;
            if (index.FindInFile(draft) is { } earlier)
            {
                findings.Duplicate(row.Number, earlier.Field, mapping.Column(earlier.Field), $"Duplicate of row {earlier.Row} in this file ({earlier.Reason}).", $"row {earlier.Row}");
                duplicate = true;
            }

            foreach (var match in index.FindExisting(draft))
            {
                findings.Duplicate(row.Number, "customer", null, $"Likely the existing customer {match.Code} {match.DisplayName} (score {match.Score}: {string.Join(", ", match.Reasons)}).", match.Code);
                duplicate = true;
            }

            index.AddFromFile(draft, row.Number);
            candidates.Add(new CustomerCandidate(row.Number, draft, duplicate));
        }

        return new CustomerAnalysis(table.Rows.Count, candidates, findings);
    }

    /// <summary>
    /// Writes the chosen rows inside the caller's transaction with <see cref="BulkInserter"/>, and
    /// what SaveChanges would add: the tenant on every row, one audit entry per customer and one
    /// <see cref="CustomerCreatedIntegrationEvent"/> per customer in the outbox (name and payload
    /// as <see cref="IEventBus"/> writes them), all in the same transaction.
    /// </summary>
    public async Task<int> WriteAsync(IReadOnlyList<CustomerCandidate> rows, IReadOnlyList<string> reservedCodes, Guid batchId, CancellationToken cancellationToken)
    {
        var tenantId = tenant.Id ?? throw new InvalidOperationException("An import runs in a tenant.");
        var now = DateTime.UtcNow;
        var eventName = IntegrationEventName.Of(typeof(CustomerCreatedIntegrationEvent));
        var userName = currentUser.UserName ?? "system";
        await using var inserter = new BulkInserter(db);
        for (var i = 0; i < rows.Count; i++)
        {
            var draft = rows[i].Draft;
            CustomerChanges.StartNew(draft, reservedCodes[i], now, currentUser.Id, currentUser.OrganizationUnitId);
            draft.TenantId = tenantId;
            await inserter.InsertAsync(draft, cancellationToken);
            foreach (var address in draft.Addresses)
            {
                (address.TenantId, address.CustomerId) = (tenantId, draft.Id);
                await inserter.InsertAsync(address, cancellationToken);
            }

            foreach (var point in draft.ContactPoints)
            {
                (point.TenantId, point.CustomerId) = (tenantId, draft.Id);
                await inserter.InsertAsync(point, cancellationToken);
            }

            foreach (var anniversary in draft.Anniversaries)
            {
                (anniversary.TenantId, anniversary.CustomerId) = (tenantId, draft.Id);
                await inserter.InsertAsync(anniversary, cancellationToken);
            }

            foreach (var tag in draft.Tags)
            {
                (tag.TenantId, tag.CustomerId) = (tenantId, draft.Id);
                await inserter.InsertAsync(tag, cancellationToken);
            }

            foreach (var field in draft.CustomFields)
            {
                (field.TenantId, field.CustomerId) = (tenantId, draft.Id);
                await inserter.InsertAsync(field, cancellationToken);
            }

            await inserter.InsertAsync(new AuditEntry
            {
                Id = Guid.NewGuid(),
                TenantId = tenantId,
                UserName = userName,
                EntityType = nameof(Customer),
                EntityId = draft.Id.ToString(),
                Action = "Created",
                Changes = JsonSerializer.Serialize(new Dictionary<string, object?>
                {
                    ["Code"] = new { @new = draft.Code },
                    ["DisplayName"] = new { @new = draft.DisplayName },
                    ["Phone"] = new { @new = draft.Phone },
                    ["Email"] = new { @new = draft.Email },
                    ["ImportBatch"] = new { @new = batchId },
                }),
                OccurredAt = now,
            }, cancellationToken);
            await inserter.InsertAsync(new OutboxMessage
            {
                Id = Guid.NewGuid(),
                TenantId = tenantId,
                EventName = eventName,
                Payload = JsonSerializer.Serialize(new CustomerCreatedIntegrationEvent(draft.Id, draft.Code, draft.DisplayName), EventPayload),
                OccurredAt = now,
            }, cancellationToken);
        }

        return rows.Count;
    }

    public async Task<IReadOnlyList<string>> ReserveCodesAsync(int count, CancellationToken cancellationToken) =>
        await codes.NextBlockAsync(await settings.GetAsync(MembersSettings.CodeFormat, cancellationToken) ?? "C{yyyy}{seq:6}", count, cancellationToken);

    private static CustomerInput ToInput(ImportRow row, ResolvedMapping mapping, RowFindings findings)
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
                findings.Error(row.Number, "birthday", mapping.Column("birthday"), $"'{birthdayText}' is not a date (yyyy-MM-dd).");
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
