using System.Text.Json;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;
using RetailCrm.Sdk.Templates;

namespace RetailCrm.Kernel.Templates;

/// <summary>
/// Parses and renders template texts with Scriban, sandboxed: no template loader (an include fails), limits on loops,
/// recursion and output, and a time limit. Models pass through JSON with snake_case names, so a preview's sample and a
/// message stored for sending later are read the same way, as Scriban names .NET members.
/// </summary>
internal static class ScribanTemplates
{
    public static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(2);

    public static readonly JsonSerializerOptions ModelJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static string Serialize(object model) => JsonSerializer.Serialize(model, model.GetType(), ModelJson);

    public static IReadOnlyList<TemplateError> Validate(string text)
    {
        var template = Template.Parse(text);
        return template.HasErrors ? template.Messages.Where(m => m.Type == ParserMessageType.Error).Select(ToError).ToList() : [];
    }

    /// <summary>Renders the text with a model given as JSON; answers the errors instead when it does not parse or fails.</summary>
    public static async Task<(RenderedTemplate? Rendered, IReadOnlyList<TemplateError> Errors)> RenderAsync(string text, string modelJson, CancellationToken cancellationToken)
    {
        var template = Template.Parse(text);
        if (template.HasErrors)
        {
            return (null, Validate(text));
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeLimit);
        var globals = new ScriptObject();
        using (var document = JsonDocument.Parse(modelJson))
        {
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                Fill(globals, document.RootElement);
            }
        }

        var context = new TemplateContext
        {
            TemplateLoader = null,
            LoopLimit = 1000,
            RecursiveLimit = 20,
            OutputLimit = 200_000,
            OnOutputLimit = ScriptLimitBehavior.Throw,
            StrictVariables = true,
            CancellationToken = timeout.Token,
        };
        context.PushGlobal(globals);
        try
        {
            var body = await template.RenderAsync(context);
            var subject = globals.TryGetValue("subject", out var s) ? s?.ToString()?.Trim() ?? "" : "";
            var html = globals.TryGetValue("html", out var h) && h is not null ? h.ToString()!.Trim() : null;
            return (new RenderedTemplate(subject, body.Trim(), string.IsNullOrEmpty(html) ? null : html), []);
        }
        catch (ScriptAbortException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, [new TemplateError(1, 1, $"The template ran longer than {TimeLimit.TotalSeconds:0} seconds.")]);
        }
        catch (ScriptRuntimeException e)
        {
            return (null, [new TemplateError(e.Span.Start.Line + 1, e.Span.Start.Column + 1, e.OriginalMessage)]);
        }
    }

    private static TemplateError ToError(LogMessage message) => new(message.Span.Start.Line + 1, message.Span.Start.Column + 1, message.Message);

    private static void Fill(ScriptObject target, JsonElement element)
    {
        foreach (var property in element.EnumerateObject())
        {
            target[property.Name] = ToScript(property.Value);
        }
    }

    private static object? ToScript(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => Object(element),
        JsonValueKind.Array => new ScriptArray(element.EnumerateArray().Select(ToScript)),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out var whole) ? whole : element.GetDecimal(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    private static ScriptObject Object(JsonElement element)
    {
        var result = new ScriptObject();
        Fill(result, element);
        return result;
    }
}
