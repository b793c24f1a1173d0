using System.Globalization;
using RetailCrm.Modules.Members.Contracts;
using RetailCrm.Modules.Sales.Application.Pipelines;
using RetailCrm.Modules.Sales.Contracts;
using RetailCrm.Modules.Sales.Domain.Opportunities;
using RetailCrm.Modules.Sales.Domain.Pipelines;
using RetailCrm.Modules.Sales.Infrastructure.Persistence;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Results;
using RetailCrm.Sdk.Settings;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Sales.Application.Import;

/// <summary>One thing wrong with a row of the file: the row as the file numbers it, the column and why.</summary>
internal sealed record ImportProblem(int Row, string Column, string Message);

/// <summary>
/// What an import did or, on a dry run, would do: rows read, deals valid, customers found and prospects to register,
/// and every problem. Nothing is written when there is a problem or on a dry run.
/// </summary>
internal sealed record DealImportReport(bool DryRun, int Rows, int Valid, int ExistingCustomers, int NewProspects, int Created, IReadOnlyList<ImportProblem> Problems)
{
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>
/// Imports deals from a CSV or Excel file, one deal per row, by column names in English or Chinese: title (required),
/// customer code or name with phone and e-mail (a customer found by code or phone is used, else the prospect is
/// registered), stage (key or name; the first by default, never at or past a supervisor's gate), owner (a user name
/// of the importer's team; the importer by default), expected close, amount (major units, one line), source,
/// competitors, forecast category. Every row is checked first; one bad row refuses the whole file with every problem
/// listed, and the deals are written in one transaction. Prospects are registered in the members module just before,
/// so a run that fails after them finds them by phone the next time instead of registering them twice.
/// </summary>
internal sealed class DealImport(
    SalesDbContext db,
    ITableFileReader reader,
    PipelineCatalog pipelines,
    SalesPeople people,
    ICustomerLookup customers,
    ICustomerRegistration registration,
    ISettingProvider settings,
    TimeProvider time)
{
    public const int MaxRows = 10_000;

    /// <summary>The largest import file the API and the page take.</summary>
    public const int MaxFileBytes = 16 * 1024 * 1024;

    private static readonly (string Field, string[] Names)[] Columns =
    [
        ("title", ["title", "deal", "标题", "商机"]),
        ("customerCode", ["customer code", "客户编号"]),
        ("customer", ["customer", "customer name", "客户", "客户名称"]),
        ("phone", ["phone", "电话", "手机"]),
        ("email", ["e-mail", "email", "电子邮件", "邮箱"]),
        ("stage", ["stage", "阶段"]),
        ("owner", ["owner", "负责人"]),
        ("expectedClose", ["expected close", "预计成交"]),
        ("amount", ["amount", "金额"]),
        ("source", ["source", "来源"]),
        ("competitors", ["competitors", "竞争对手"]),
        ("forecastCategory", ["forecast category", "预测类别"]),
    ];

    public async Task<Result<DealImportReport>> RunAsync(string fileName, byte[] content, Guid? pipelineId, bool dryRun, CancellationToken cancellationToken)
    {
        TableContent table;
        try
        {
            table = reader.Read(fileName, content);
        }
        catch (TableFileException e)
        {
            return Refusal.Invalid("sales/import-invalid", [new FieldRefusal("file", e.Text)]);
        }

        if (table.Rows.Count > MaxRows)
        {
            return Refusal.Invalid("sales/import-invalid", "file", "Import at most {0} deals at a time; split the file.", MaxRows);
        }

        var column = Columns.ToDictionary(c => c.Field, c => IndexOf(table.Headers, c.Names));
        if (column["title"] < 0)
        {
            return Refusal.Invalid("sales/import-invalid", "file", "The file needs a Title column (标题).");
        }

        if (await pipelines.FindOrDefaultAsync(pipelineId, cancellationToken) is not { } pipeline)
        {
            return Opportunities.SalesRefusals.PipelineNotFound(pipelineId!.Value);
        }

        var team = await people.InScopeAsync(cancellationToken);
        var problems = new List<ImportProblem>();
        var planned = new List<PlannedDeal>();
        foreach (var row in table.Rows)
        {
            if (await PlanAsync(row, column, pipeline, team, problems, cancellationToken) is { } plan)
            {
                planned.Add(plan);
            }
        }

        var existing = planned.Count(p => p.Customer is not null);
        if (problems.Count > 0 || dryRun)
        {
            return new DealImportReport(dryRun, table.Rows.Count, planned.Count, existing, planned.Count - existing, 0, problems);
        }

        return await WriteAsync(planned, table.Rows.Count, existing, cancellationToken);
    }

    private async Task<PlannedDeal?> PlanAsync(TableRow row, Dictionary<string, int> column, PipelineView pipeline, IReadOnlyList<UserInfo> team, List<ImportProblem> problems, CancellationToken cancellationToken)
    {
        string? Cell(string field) => column[field] < 0 ? null : OpportunityFacts.Clean(row[column[field]]);
        var before = problems.Count;
        void Problem(string field, string message) => problems.Add(new ImportProblem(row.Number, field, message));

        var facts = new OpportunityFacts
        {
            Title = Cell("title"),
            Source = Cell("source"),
            Competitors = Cell("competitors"),
            ExpectedCloseDate = Cell("expectedClose") is { } close
                ? DateOnly.TryParseExact(close, ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null
                : null,
            ForecastCategory = Cell("forecastCategory") is { } category ? (Enum.TryParse<ForecastCategory>(category.Replace(" ", "", StringComparison.Ordinal), true, out var c) && Enum.IsDefined(c) ? c : (ForecastCategory)(-1)) : null,
        };
        if (Cell("expectedClose") is { } typed && facts.ExpectedCloseDate is null)
        {
            Problem("expectedClose", $"'{typed}' is not a date like 2026-12-31.");
        }

        foreach (var refusal in facts.Check())
        {
            Problem(refusal.Field, refusal.Text.English());
        }

        var stage = pipeline.First;
        if (Cell("stage") is { } stageText)
        {
            var found = pipeline.Stages.FirstOrDefault(s => string.Equals(s.Key, stageText, StringComparison.OrdinalIgnoreCase)
                || string.Equals(s.Name, stageText, StringComparison.OrdinalIgnoreCase) || s.NameZh == stageText);
            var gate = pipeline.Stages.Where(s => s.RequiresApproval).Select(s => s.Position).DefaultIfEmpty(int.MaxValue).Min();
            if (found is null)
            {
                Problem("stage", $"There is no stage '{stageText}' in the pipeline.");
            }
            else if (found.Position >= gate)
            {
                Problem("stage", $"'{stageText}' is at or past the supervisor's gate: import the deal before it and move it through the gate.");
            }
            else
            {
                stage = found;
            }
        }

        var owner = team.FirstOrDefault(u => u.Id == people.CurrentId);
        if (Cell("owner") is { } ownerName)
        {
            owner = team.FirstOrDefault(u => string.Equals(u.UserName, ownerName, StringComparison.OrdinalIgnoreCase) || u.DisplayName == ownerName);
            if (owner is null)
            {
                Problem("owner", $"'{ownerName}' is not a user of your team.");
            }
        }

        long amount = 0;
        if (Cell("amount") is { } amountText)
        {
            if (decimal.TryParse(amountText.Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var major) && major >= 0 && major < 1_000_000_000_000m)
            {
                amount = (long)Math.Round(major * 100, MidpointRounding.AwayFromZero);
            }
            else
            {
                Problem("amount", $"'{amountText}' is not an amount of 0 or more, like 1250.00.");
            }
        }

        var customer = await CustomerAsync(Cell("customerCode"), Cell("phone"), cancellationToken);
        var contact = new NewCustomerContact(Cell("customer"), Cell("phone"), Cell("email"));
        if (Cell("customerCode") is { } code && customer is null)
        {
            Problem("customerCode", $"There is no customer with the code '{code}'.");
        }
        else if (customer is null && contact.DisplayName is null)
        {
            Problem("customer", "Give the customer's code, or the name (and phone) of the prospect to register.");
        }

        return problems.Count > before || owner is null ? null : new PlannedDeal(facts, stage, owner, amount, customer, contact);
    }

    private async Task<CustomerSummary?> CustomerAsync(string? code, string? phone, CancellationToken cancellationToken)
    {
        if (code is not null)
        {
            return await customers.FindByCodeAsync(code, cancellationToken);
        }

        return phone is not null && await customers.FindByPhoneAsync(phone, cancellationToken) is [var first, ..] ? first : null;
    }

    private async Task<Result<DealImportReport>> WriteAsync(IReadOnlyList<PlannedDeal> planned, int rows, int existing, CancellationToken cancellationToken)
    {
        var resolved = new List<(PlannedDeal Plan, CustomerSummary Customer)>();
        foreach (var plan in planned)
        {
            if (plan.Customer is { } known)
            {
                resolved.Add((plan, known));
                continue;
            }

            // Kept despite likely duplicates: the importer named this prospect, and the phone already matched none.
            var registered = await registration.RegisterAsync(plan.Contact, keepDespiteDuplicates: true, cancellationToken);
            if (registered.IsRefused)
            {
                return registered.Refusal;
            }

            resolved.Add((plan, registered.Value));
        }

        var now = time.GetUtcNow().UtcDateTime;
        var currency = await settings.GetAsync(SalesSettings.Currency, cancellationToken) ?? "CNY";
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var (plan, customer) in resolved)
        {
            var deal = Opportunity.Open(Guid.NewGuid(), plan.Facts, customer.Id, customer.DisplayName, plan.Owner.Id, plan.Owner.OrganizationUnitId, plan.Stage, currency, now);
            if (plan.Amount > 0)
            {
                var line = OpportunityLine.Create(deal.Id, 0, null, "Imported amount", 1, plan.Amount, 0).Value;
                db.Set<OpportunityLine>().Add(line);
                deal.ReplaceLines([line], now);
            }

            db.Set<Opportunity>().Add(deal);
            db.Set<OpportunityChange>().Add(OpportunityChange.Of(deal.Id, "import", null, plan.Stage.Key, people.CurrentId, now));
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new DealImportReport(false, rows, planned.Count, existing, planned.Count - existing, resolved.Count, []);
    }

    private static int IndexOf(IReadOnlyList<string> headers, string[] names)
    {
        for (var i = 0; i < headers.Count; i++)
        {
            if (names.Any(n => string.Equals(headers[i].Trim(), n, StringComparison.OrdinalIgnoreCase)))
            {
                return i;
            }
        }

        return -1;
    }

    private sealed record PlannedDeal(OpportunityFacts Facts, Stage Stage, UserInfo Owner, long Amount, CustomerSummary? Customer, NewCustomerContact Contact);
}
