using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Shouldly;

namespace RetailCrm.Testing;

/// <summary>The home page as a user sees it, read by its widgets (<c>data-widget</c>).</summary>
public sealed partial class HomePage(string html)
{
    public string Html { get; } = html;

    public static async Task<HomePage> OpenAsync(HttpClient client)
    {
        var response = await client.GetAsync("/");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return new HomePage(await response.Content.ReadAsStringAsync());
    }

    public bool Has(string key) => Html.Contains($"data-widget=\"{key}\"", StringComparison.Ordinal);

    /// <summary>Whether the page shows any widget whose key starts with <paramref name="prefix"/> (a module's, e.g. <c>cards.</c>).</summary>
    public bool HasAny(string prefix) => Html.Contains($"data-widget=\"{prefix}", StringComparison.Ordinal);

    /// <summary>The widget's element with its text decoded, for reading figures and items.</summary>
    public string Widget(string key) => WebUtility.HtmlDecode(Element(key));

    /// <summary>The chart a widget carries for ECharts (kind, categories, series, unit).</summary>
    public JsonElement Chart(string key) =>
        JsonDocument.Parse(WebUtility.HtmlDecode(ChartData().Match(Element(key)).Groups["json"].Value)).RootElement;

    /// <summary>The count the header's bell shows for a queue, or null when the bell does not list it.</summary>
    public int? Notification(string key) =>
        Regex.Match(Html, $"<li data-notification=\"{Regex.Escape(key)}\">.*?<span class=\"badge\">(?<count>[0-9]+)</span>", RegexOptions.Singleline) is { Success: true } match
            ? int.Parse(match.Groups["count"].Value, System.Globalization.CultureInfo.InvariantCulture)
            : null;

    /// <summary>The total on the bell, or 0 when it shows none.</summary>
    public int BellTotal => BellCount().Match(Html) is { Success: true } match ? int.Parse(match.Groups["total"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;

    private string Element(string key)
    {
        var match = Regex.Match(Html, $"<section class=\"widget[^\"]*\" data-widget=\"{Regex.Escape(key)}\">.*?</section>", RegexOptions.Singleline);
        match.Success.ShouldBeTrue($"the home page shows widget {key}");
        return match.Value;
    }

    [GeneratedRegex("<span class=\"bell-count\" id=\"bell-count\">(?<total>[0-9]+)</span>")]
    private static partial Regex BellCount();

    [GeneratedRegex("data-chart=\"(?<json>[^\"]*)\"")]
    private static partial Regex ChartData();
}
