using System.Xml;
using System.Xml.XPath;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace RetailCrm.Host.OpenApi;

/// <summary>
/// The XML documentation files of the loaded assemblies, each found beside its assembly: the host's and the
/// Kernel's in bin, every module's and plugin's in its own folder (bin/.../modules/{name}).
/// </summary>
internal sealed class XmlDocs
{
    private readonly Lazy<IReadOnlyList<(string Path, XPathDocument Document)>> _files = new(Load);

    public IReadOnlyList<(string Path, XPathDocument Document)> Files => _files.Value;

    /// <summary>The humanized <c>summary</c> of a type, or null when it has none.</summary>
    public string? SummaryOf(Type type)
    {
        var id = "T:" + type.FullName?.Replace('+', '.');
        foreach (var (_, document) in Files)
        {
            if (document.CreateNavigator().SelectSingleNode($"/doc/members/member[@name='{id}']/summary") is { } summary)
            {
                return XmlCommentsTextHelper.Humanize(summary.InnerXml);
            }
        }

        return null;
    }

    private static List<(string Path, XPathDocument Document)> Load() =>
        AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => !a.IsDynamic && a.Location.Length > 0)
            .Select(a => Path.ChangeExtension(a.Location, ".xml"))
            .Where(File.Exists)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(path => (path, Read(path)))
            .ToList();

    private static XPathDocument Read(string path)
    {
        using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        return new XPathDocument(reader);
    }
}
