using System.Globalization;
using System.Text;

namespace RetailCrm.Modules.Members.Application.DataQuality;

/// <summary>
/// The initials a clerk types to find a name: pinyin initials of Chinese characters (张伟 → ZW, 欧阳修 → OYX) and
/// the first letter of each Latin word (Anna Smith → AS). Chinese initials come from the zh-CN collation, which
/// orders characters by pinyin: a character's initial is that of the last boundary character it sorts after. The
/// common surnames read differently from their everyday reading are taken from a table (曾 Zeng, 单 Shan...).
/// </summary>
internal static class NameInitials
{
    public const int MaxLength = 64;

    private static readonly CompareInfo s_pinyinOrder = CultureInfo.GetCultureInfo("zh-CN").CompareInfo;

    // The first character of each initial in pinyin order (no I, U, V initials in pinyin).
    private static readonly (string Boundary, char Initial)[] s_boundaries =
    [
        ("阿", 'A'), ("芭", 'B'), ("擦", 'C'), ("搭", 'D'), ("蛾", 'E'), ("发", 'F'), ("噶", 'G'), ("哈", 'H'), ("击", 'J'), ("喀", 'K'),
        ("垃", 'L'), ("妈", 'M'), ("拿", 'N'), ("哦", 'O'), ("啪", 'P'), ("期", 'Q'), ("然", 'R'), ("撒", 'S'), ("塌", 'T'), ("挖", 'W'),
        ("昔", 'X'), ("压", 'Y'), ("匝", 'Z'),
    ];

    private static readonly Dictionary<char, char> s_surnames = new()
    {
        ['曾'] = 'Z', ['单'] = 'S', ['解'] = 'X', ['仇'] = 'Q', ['区'] = 'O', ['查'] = 'Z', ['朴'] = 'P', ['盖'] = 'G', ['乐'] = 'Y',
        ['尉'] = 'Y', ['秘'] = 'B', ['繁'] = 'P', ['覃'] = 'Q', ['翟'] = 'Z', ['员'] = 'Y', ['种'] = 'C', ['缪'] = 'M', ['长'] = 'C',
    };

    public static string Of(string name)
    {
        var initials = new StringBuilder();
        var startOfWord = true;
        foreach (var c in name.Normalize(NormalizationForm.FormKC))
        {
            if (IsChinese(c))
            {
                initials.Append(initials.Length == 0 && s_surnames.TryGetValue(c, out var surname) ? surname : Initial(c));
                startOfWord = true;
            }
            else if (char.IsLetterOrDigit(c))
            {
                if (startOfWord)
                {
                    initials.Append(char.ToUpperInvariant(c));
                }

                startOfWord = false;
            }
            else
            {
                startOfWord = true;
            }

            if (initials.Length == MaxLength)
            {
                break;
            }
        }

        return initials.ToString();
    }

    private static bool IsChinese(char c) => c is >= '\u4e00' and <= '\u9fff';

    private static char Initial(char c)
    {
        var text = c.ToString();
        for (var i = s_boundaries.Length - 1; i >= 0; i--)
        {
            if (s_pinyinOrder.Compare(text, s_boundaries[i].Boundary) >= 0)
            {
                return s_boundaries[i].Initial;
            }
        }

        return 'A';
    }
}
