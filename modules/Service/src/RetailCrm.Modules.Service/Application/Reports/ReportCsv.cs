using System.Globalization;
using CsvHelper;

namespace RetailCrm.Modules.Service.Application.Reports;

/// <summary>
/// The report's figures as one CSV table (UTF-8 with BOM, so spreadsheet programs read Chinese names): each row is a
/// section, a key and its values, padded to seven columns, e.g. <c>by-channel,Email,12</c> or <c>agent,Ann,20,18,1.5,4.25,8</c>.
/// </summary>
internal static class ReportCsv
{
    private const int Columns = 7;

    public static byte[] Write(ServiceReport report)
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = CsvWriter.Create(writer, CsvWriterOptions.Default, leaveOpen: true))
        {
            foreach (var row in Rows(report))
            {
                csv.WriteRecord([.. row, .. Enumerable.Repeat("", Columns - row.Length)]);
            }
        }

        return stream.ToArray();
    }

    private static IEnumerable<string[]> Rows(ServiceReport report)
    {
        yield return ["section", "key", "value", "value2", "value3", "value4", "value5"];
        yield return ["range", Day(report.Filter.From), Day(report.Filter.To)];
        yield return ["total", "tickets", N(report.Total)];
        foreach (var v in report.ByChannel)
        {
            yield return ["by-channel", v.Key, N(v.Count)];
        }

        foreach (var v in report.ByType)
        {
            yield return ["by-type", v.Key, N(v.Count)];
        }

        foreach (var v in report.ByDay)
        {
            yield return ["by-day", v.Key, N(v.Count)];
        }

        yield return ["first-response-hours", "count,median,p90", N(report.FirstResponse.Count), D(report.FirstResponse.MedianHours), D(report.FirstResponse.P90Hours)];
        yield return ["resolution-hours", "count,median,p90", N(report.Resolution.Count), D(report.Resolution.MedianHours), D(report.Resolution.P90Hours)];
        yield return ["first-response-sla", "with-target,met,percent", N(report.FirstResponseCompliance.WithTarget), N(report.FirstResponseCompliance.Met), D(report.FirstResponseCompliance.Percent)];
        yield return ["resolution-sla", "with-target,met,percent", N(report.ResolutionCompliance.WithTarget), N(report.ResolutionCompliance.Met), D(report.ResolutionCompliance.Percent)];
        foreach (var a in report.Agents)
        {
            yield return ["agent", a.Name, N(a.Handled), N(a.Resolved), D(a.MedianFirstResponseHours), D(a.AverageScore), N(a.Answers)];
        }

        yield return ["csat", "sent,answers,average", N(report.Csat.Sent), N(report.Csat.Answers), D(report.Csat.Average)];
        for (var score = 1; score <= 5; score++)
        {
            yield return ["csat-score", N(score), N(report.Csat.Distribution[score - 1])];
        }
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string D(double? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
