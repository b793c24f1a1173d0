using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace RetailCrm.Modules.Service.Application.Knowledge;

/// <summary>
/// Cuts text into the words the knowledge base is searched by, the same way for an article and for a query.
/// Chinese is written without spaces, and neither SQLite's FTS5 tokenizers nor PostgreSQL's parser split it into
/// words (they see a whole sentence as one token), so SmartCn's dictionary and HMM segment it here: 退款流程 gives
/// 退款 and 流程. Latin words are only lower-cased, never stemmed, so an agent finds what they typed. The database
/// then indexes the space-joined words with its own full-text index and stays the one store of truth: no index
/// files to keep in step across host instances.
/// </summary>
internal static class KnowledgeTokenizer
{
    private sealed record Token(string Text, int Start, int End);

    /// <summary>The words of a query (or any text), in order; punctuation dropped.</summary>
    public static IReadOnlyList<string> Words(string? text) => [.. Tokens(text).Select(t => t.Text)];

    /// <summary>
    /// The words an article is indexed by: its <see cref="Words"/> and, because a segmenter cuts the same word
    /// differently in a sentence than alone, the two-character pieces of longer Chinese words (会员卡 is found by
    /// 会员) and of runs of single characters (充 值 is found by 充值).
    /// </summary>
    public static IReadOnlyList<string> IndexWords(string? text)
    {
        var tokens = Tokens(text);
        var words = new List<string>(tokens.Count * 2);
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            words.Add(token.Text);
            if (token.Text.Length > 2 && token.Text.All(IsHan))
            {
                words.AddRange(Enumerable.Range(0, token.Text.Length - 1).Select(k => token.Text.Substring(k, 2)));
            }

            if (i + 1 < tokens.Count && tokens[i + 1] is { Text.Length: 1 } next && token.Text.Length == 1
                && next.Start == token.End && IsHan(token.Text[0]) && IsHan(next.Text[0]))
            {
                words.Add(token.Text + next.Text);
            }
        }

        return words;
    }

    /// <summary>The index words space-joined, as the search columns store them.</summary>
    public static string Indexed(string? text) => string.Join(' ', IndexWords(text));

    private static List<Token> Tokens(string? text)
    {
        var tokens = new List<Token>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return tokens;
        }

        using var stream = new LowerCaseFilter(LuceneVersion.LUCENE_48, new HMMChineseTokenizer(new StringReader(text)));
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var word = term.ToString();
            if (word.Any(char.IsLetterOrDigit))
            {
                tokens.Add(new Token(word, offset.StartOffset, offset.EndOffset));
            }
        }

        stream.End();
        return tokens;
    }

    private static bool IsHan(char c) => c is >= '\u3400' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF';
}
