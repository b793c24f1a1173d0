using System.Net;
using System.Text;

namespace RetailCrm.Modules.Service.Application.Knowledge;

/// <summary>
/// The part of an article around the first word the agent searched for, HTML-encoded, each searched word in
/// <c>&lt;mark&gt;</c>. Cut from the article's own plain text, not from the index (which holds segmented, lower-cased
/// words), so the snippet reads as written on SQLite and PostgreSQL alike.
/// </summary>
internal static class SearchSnippet
{
    public const int Length = 160;

    public static string Html(string plainText, IReadOnlyCollection<string> words)
    {
        var text = string.Join(' ', plainText.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var first = words.Select(w => text.IndexOf(w, StringComparison.OrdinalIgnoreCase)).Where(i => i >= 0).DefaultIfEmpty(0).Min();
        var start = Math.Max(0, first - (Length / 4));
        var window = text.Substring(start, Math.Min(Length, text.Length - start));
        var html = new StringBuilder(start > 0 ? "…" : "");
        var position = 0;
        while (position < window.Length)
        {
            var (at, word) = NextWord(window, position, words);
            if (at < 0)
            {
                html.Append(WebUtility.HtmlEncode(window[position..]));
                break;
            }

            html.Append(WebUtility.HtmlEncode(window[position..at])).Append("<mark>").Append(WebUtility.HtmlEncode(window.Substring(at, word.Length))).Append("</mark>");
            position = at + word.Length;
        }

        return start + window.Length < text.Length ? html.Append('…').ToString() : html.ToString();
    }

    private static (int At, string Word) NextWord(string window, int from, IReadOnlyCollection<string> words) =>
        words.Where(w => w.Length > 0).Select(w => (At: window.IndexOf(w, from, StringComparison.OrdinalIgnoreCase), Word: w))
            .Where(x => x.At >= 0).OrderBy(x => x.At).ThenByDescending(x => x.Word.Length).DefaultIfEmpty((-1, "")).First();
}
