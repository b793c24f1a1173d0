using Scriban;
using Scriban.Runtime;

namespace RetailCrm.Modules.Cards.Application.Receipts;

/// <summary>What a receipt shows, already in the reader's language and in yuan; a template reads it as <c>store_name</c>, <c>labels.amount</c>...</summary>
internal sealed record ReceiptModel(string StoreName, string Date, string Time, string Card, string Operation, string Amount, string BalanceAfter,
    string ReceiptId, string Clerk, IReadOnlyDictionary<string, string> Labels);

/// <summary>A receipt as text and whether the tenant's template made it (false: the default one did, the tenant's being broken or empty).</summary>
internal sealed record RenderedReceipt(string Text, bool FromTenantTemplate);

/// <summary>
/// The 80 mm receipt's text from a Scriban template: the module's default (<c>Templates/receipt.scriban</c>) or the tenant's
/// (<see cref="CardsSettings.ReceiptTemplate"/>). A tenant template is checked when it is saved (<see cref="Problem"/>); one that
/// still fails at printing falls back to the default, so that a receipt is never blank.
/// </summary>
internal static class ReceiptTemplate
{
    /// <summary>Characters of a line at 72 mm in the slip's 12 px monospace font (about 7.2 px a character).</summary>
    public const int LineWidth = 32;

    public static string Default { get; } = LoadDefault();

    /// <summary>Why the text is not a usable template (its first parse errors), or null.</summary>
    public static string? Problem(string text)
    {
        var template = Template.Parse(text);
        if (template.HasErrors)
        {
            return "The template does not parse: " + string.Join("; ", template.Messages.Take(3).Select(m => m.ToString()));
        }

        try
        {
            return string.IsNullOrWhiteSpace(Render(template, Sample)) ? "The template prints nothing." : null;
        }
        catch (Exception e) when (e is Scriban.Syntax.ScriptRuntimeException or InvalidOperationException)
        {
            return "The template fails: " + e.Message;
        }
    }

    public static RenderedReceipt Render(string? tenantTemplate, ReceiptModel model)
    {
        if (!string.IsNullOrWhiteSpace(tenantTemplate) && Template.Parse(tenantTemplate) is { HasErrors: false } custom)
        {
            try
            {
                var text = Render(custom, model);
                if (!string.IsNullOrWhiteSpace(text))
                {
                    return new RenderedReceipt(text, true);
                }
            }
            catch (Exception e) when (e is Scriban.Syntax.ScriptRuntimeException or InvalidOperationException)
            {
                // A template that breaks only on some data (e.g. a missing label): the default prints instead.
            }
        }

        return new RenderedReceipt(Render(Template.Parse(Default), model), false);
    }

    private static string Render(Template template, ReceiptModel model)
    {
        var globals = new ScriptObject
        {
            ["store_name"] = model.StoreName,
            ["date"] = model.Date,
            ["time"] = model.Time,
            ["card"] = model.Card,
            ["operation"] = model.Operation,
            ["amount"] = model.Amount,
            ["balance_after"] = model.BalanceAfter,
            ["receipt_id"] = model.ReceiptId,
            ["clerk"] = model.Clerk,
            ["line"] = new string('-', LineWidth),
        };
        var labels = new ScriptObject();
        foreach (var (key, value) in model.Labels)
        {
            labels[key] = value;
        }

        globals["labels"] = labels;
        var context = new TemplateContext { LoopLimit = 200, RecursiveLimit = 20, StrictVariables = false };
        context.PushGlobal(globals);
        return template.Render(context).Trim();
    }

    private static readonly ReceiptModel Sample = new("Store", "2026-01-01", "12:00", "************1234", "Payment", "-1.00 CNY", "9.00 CNY", "r-1", "clerk",
        new Dictionary<string, string>());

    private static string LoadDefault()
    {
        using var stream = typeof(ReceiptTemplate).Assembly.GetManifestResourceStream("RetailCrm.Modules.Cards.Templates.receipt.scriban")
            ?? throw new InvalidOperationException("The default receipt template is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
