using System.Text;
using System.Xml;

namespace RetailCrm.Kernel.Branding;

/// <summary>The kinds of image a logo may be, told by the file's first bytes (never by its name alone).</summary>
internal enum LogoKind
{
    Png,
    Jpeg,
    WebP,
    Svg,
}

/// <summary>
/// What an uploaded logo holds. A raster image is recognised by its signature; an SVG must be a plain drawing: no
/// script, no event handler, no foreign content and no link out of the file, because an SVG opened by itself runs
/// like a page. (It is also served with a sandboxing CSP, see <see cref="BrandingLogo"/>.)
/// </summary>
internal static class LogoImage
{
    private static readonly HashSet<string> s_forbiddenElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "foreignObject", "iframe", "embed", "object", "handler", "listener", "set", "animate", "animateMotion", "animateTransform",
    };

    public static string ContentType(LogoKind kind) => kind switch
    {
        LogoKind.Png => "image/png",
        LogoKind.Jpeg => "image/jpeg",
        LogoKind.WebP => "image/webp",
        _ => "image/svg+xml",
    };

    /// <summary>The kinds a file name's extension stands for; null for an extension that is no logo's.</summary>
    public static LogoKind? KindOfExtension(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".png" => LogoKind.Png,
        ".jpg" or ".jpeg" => LogoKind.Jpeg,
        ".webp" => LogoKind.WebP,
        ".svg" => LogoKind.Svg,
        _ => null,
    };

    /// <summary>The kind of image the bytes are, or null when they are none of the logo kinds.</summary>
    public static LogoKind? Detect(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return LogoKind.Png;
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return LogoKind.Jpeg;
        }

        if (content.Length >= 12 && content[..4].SequenceEqual("RIFF"u8) && content.Slice(8, 4).SequenceEqual("WEBP"u8))
        {
            return LogoKind.WebP;
        }

        return IsSvg(content) ? LogoKind.Svg : null;
    }

    /// <summary>Whether an SVG draws only: false when it has anything that could run or reach out.</summary>
    public static bool IsPlainDrawing(ReadOnlySpan<byte> svg)
    {
        try
        {
            using var reader = Reader(svg);
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && (s_forbiddenElements.Contains(reader.LocalName) || !AttributesArePlain(reader)))
                {
                    return false;
                }

                if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA && reader.Value.Contains("@import", StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }
            }

            return true;
        }
        catch (XmlException)
        {
            return false;
        }
    }

    private static bool AttributesArePlain(XmlReader reader)
    {
        while (reader.MoveToNextAttribute())
        {
            var value = reader.Value.Trim();
            if (reader.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase)
                || (reader.LocalName == "href" && !value.StartsWith('#'))
                || (value.Contains("url(", StringComparison.OrdinalIgnoreCase) && !value.Replace(" ", "", StringComparison.Ordinal).Contains("url(#", StringComparison.OrdinalIgnoreCase))
                || value.Contains("javascript:", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        reader.MoveToElement();
        return true;
    }

    private static bool IsSvg(ReadOnlySpan<byte> content)
    {
        try
        {
            using var reader = Reader(content);
            return reader.MoveToContent() == XmlNodeType.Element && reader.LocalName == "svg";
        }
        catch (XmlException)
        {
            return false;
        }
    }

    // No DTD (entities could expand or fetch), no resolver: the file is read as it is, offline.
    private static XmlReader Reader(ReadOnlySpan<byte> content) =>
        XmlReader.Create(new StringReader(Encoding.UTF8.GetString(content).TrimStart('\uFEFF')), new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        });
}
