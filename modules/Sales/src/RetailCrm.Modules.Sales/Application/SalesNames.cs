using System.Globalization;
using RetailCrm.Modules.Sales.Application.Pipelines;
using RetailCrm.Modules.Sales.Domain.Pipelines;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Sales.Application;

/// <summary>Times on the sales pages are shown in the sales time zone.</summary>
internal sealed record SalesClock(TimeZoneInfo Zone, DateTime UtcNow)
{
    public string When(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The value of a <c>datetime-local</c> input.</summary>
    public string Input(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    public static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}

/// <summary>Names of stages and people, in the reader's language.</summary>
internal sealed record SalesNames(IReadOnlyList<PipelineView> Pipelines, IReadOnlyDictionary<Guid, string> People)
{
    public static string Of(Stage stage) => ReaderLanguage.IsChinese && stage.NameZh is { } zh ? zh : stage.Name;

    public static string Of(Pipeline pipeline) => ReaderLanguage.IsChinese && pipeline.NameZh is { } zh ? zh : pipeline.Name;

    public string Stage(Guid id) => Pipelines.SelectMany(p => p.Stages).FirstOrDefault(s => s.Id == id) is { } stage ? Of(stage) : "–";

    public Stage? FindStage(Guid id) => Pipelines.SelectMany(p => p.Stages).FirstOrDefault(s => s.Id == id);

    public string Person(Guid? id) => id is { } known && People.TryGetValue(known, out var name) ? name : "–";
}

/// <summary>What every sales page needs: the names of stages and people, and the clock of the sales time zone.</summary>
internal sealed class SalesPageContext(PipelineCatalog pipelines, SalesPeople people, SalesCalendar calendar, TimeProvider time)
{
    public async Task<SalesNames> NamesAsync(CancellationToken cancellationToken) =>
        new(await pipelines.ListAsync(cancellationToken), (await people.InScopeAsync(cancellationToken)).ToDictionary(p => p.Id, p => p.DisplayName));

    public async Task<SalesClock> ClockAsync(CancellationToken cancellationToken) => new(await calendar.ZoneAsync(cancellationToken), time.GetUtcNow().UtcDateTime);
}
