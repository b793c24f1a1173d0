using Microsoft.EntityFrameworkCore;
using RetailCrm.Kernel.Data;
using RetailCrm.Kernel.Messaging;
using RetailCrm.Kernel.MultiTenancy;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Results;
using RetailCrm.Sdk.Templates;

namespace RetailCrm.Kernel.Templates;

/// <summary>One template in one culture as the templates page lists it.</summary>
public sealed record TemplateRow(string Key, string Module, string DisplayName, string? DisplayNameZh, string Culture, bool Overridden, bool ModuleShipsCulture);

/// <summary>What a preview made of a text against the template's sample model: the message, or the errors.</summary>
public sealed record TemplatePreview(RenderedTemplate? Rendered, IReadOnlyList<TemplateError> Errors);

/// <summary>The edit page of one template and culture: the text in force, the module's default and the preview of the text.</summary>
public sealed record TemplateEditor(TemplateRow Template, string Text, string DefaultText, TemplatePreview Preview);

/// <summary>A saved text, and how many messages that had failed on the template were queued again.</summary>
public sealed record TemplateSaved(TemplateRow Template, int MessagesResent);

/// <summary>
/// The templates of the kernel and the tenant's enabled modules: the tenant's own texts, checked on save (syntax, and a
/// render against the sample model) and reset to the module's default.
/// </summary>
public interface ITemplateAdministration
{
    /// <summary>Every visible template in every culture, overridden or default.</summary>
    Task<IReadOnlyList<TemplateRow>> ListAsync(CancellationToken cancellationToken);

    /// <summary>The editor of one template and culture, with the preview of the text in force.</summary>
    Task<Result<TemplateEditor>> GetAsync(string key, string culture, CancellationToken cancellationToken);

    /// <summary>Renders a text against the template's sample model, without saving it.</summary>
    Task<Result<TemplatePreview>> PreviewAsync(string key, string culture, string text, CancellationToken cancellationToken);

    /// <summary>
    /// Saves the tenant's text; refused at the field <c>text</c> with the line and column (extensions <c>line</c>,
    /// <c>column</c>, <c>templateErrors</c>) when it does not parse or fails on the sample model. Sends again the messages that
    /// failed on the template.
    /// </summary>
    Task<Result<TemplateSaved>> SaveAsync(string key, string culture, string? text, CancellationToken cancellationToken);

    /// <summary>Removes the tenant's text, so the module's default applies again.</summary>
    Task<Result<TemplateSaved>> ResetAsync(string key, string culture, CancellationToken cancellationToken);
}

internal sealed class TemplateAdministration(
    KernelDbContext db,
    TemplateCatalog catalog,
    TemplateTexts texts,
    ModuleToggles toggles,
    ICurrentTenant tenant,
    OutgoingMessageQueue messages,
    TimeProvider time) : ITemplateAdministration
{
    public async Task<IReadOnlyList<TemplateRow>> ListAsync(CancellationToken cancellationToken)
    {
        var overridden = (await db.Set<TemplateOverride>().AsNoTracking().Select(o => new { o.Key, o.Culture }).ToListAsync(cancellationToken))
            .Select(o => (o.Key, o.Culture)).ToHashSet();
        return (await VisibleAsync(cancellationToken))
            .SelectMany(d => TemplateCatalog.Cultures.Select(c => Row(d, c, overridden.Contains((d.Key, c)))))
            .ToList();
    }

    public async Task<Result<TemplateEditor>> GetAsync(string key, string culture, CancellationToken cancellationToken)
    {
        if (await FindVisibleAsync(key, cancellationToken) is not { } definition)
        {
            return NotFound(key);
        }

        culture = TemplateCatalog.Normalize(culture);
        var found = (await texts.FindAsync(definition.Key, culture, cancellationToken))!.Value;
        return new TemplateEditor(Row(definition, culture, found.Overridden), found.Text, TemplateCatalog.DefaultText(definition, culture),
            await PreviewOfAsync(definition, found.Text, cancellationToken));
    }

    public async Task<Result<TemplatePreview>> PreviewAsync(string key, string culture, string text, CancellationToken cancellationToken) =>
        await FindVisibleAsync(key, cancellationToken) is { } definition ? await PreviewOfAsync(definition, text, cancellationToken) : NotFound(key);

    public async Task<Result<TemplateSaved>> SaveAsync(string key, string culture, string? text, CancellationToken cancellationToken)
    {
        if (await FindVisibleAsync(key, cancellationToken) is not { } definition)
        {
            return NotFound(key);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return Refusal.Invalid("template-invalid", "text", "Write the template's text, or reset it to the default.");
        }

        if ((await PreviewOfAsync(definition, text, cancellationToken)).Errors is [var first, ..] errors)
        {
            return Refusal.Invalid("template-invalid", "text", "Line {0}, column {1}: {2}", first.Line, first.Column, first.Message)
                .With("line", first.Line).With("column", first.Column)
                .With("templateErrors", errors.Select(e => new { line = e.Line, column = e.Column, message = e.Message }).ToList());
        }

        culture = TemplateCatalog.Normalize(culture);
        var row = await db.Set<TemplateOverride>().FirstOrDefaultAsync(o => o.Key == definition.Key && o.Culture == culture, cancellationToken);
        if (row is null)
        {
            db.Set<TemplateOverride>().Add(row = new TemplateOverride { Id = Guid.NewGuid(), Key = definition.Key, Culture = culture });
        }

        row.Text = text.ReplaceLineEndings("\n");
        row.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return new TemplateSaved(Row(definition, culture, true), await messages.ResendFailedOnTemplateAsync(definition.Key, cancellationToken));
    }

    public async Task<Result<TemplateSaved>> ResetAsync(string key, string culture, CancellationToken cancellationToken)
    {
        if (await FindVisibleAsync(key, cancellationToken) is not { } definition)
        {
            return NotFound(key);
        }

        culture = TemplateCatalog.Normalize(culture);
        await db.Set<TemplateOverride>().Where(o => o.Key == definition.Key && o.Culture == culture).ExecuteDeleteAsync(cancellationToken);
        return new TemplateSaved(Row(definition, culture, false), await messages.ResendFailedOnTemplateAsync(definition.Key, cancellationToken));
    }

    private static async Task<TemplatePreview> PreviewOfAsync(TemplateDefinition definition, string text, CancellationToken cancellationToken)
    {
        var (rendered, errors) = await ScribanTemplates.RenderAsync(text, ScribanTemplates.Serialize(definition.SampleModel ?? new { }), cancellationToken);
        return new TemplatePreview(rendered, errors);
    }

    private static TemplateRow Row(TemplateDefinition definition, string culture, bool overridden) =>
        new(definition.Key, definition.ModuleId, definition.DisplayName, definition.DisplayNameZh, culture, overridden, TemplateCatalog.HasVariant(definition, culture));

    private static Refusal NotFound(string key) => Refusal.NotFound("template-not-found", "No template '{0}' is defined.", key);

    private async Task<TemplateDefinition?> FindVisibleAsync(string key, CancellationToken cancellationToken) =>
        (await VisibleAsync(cancellationToken)).FirstOrDefault(d => string.Equals(d.Key, key, StringComparison.OrdinalIgnoreCase));

    private async Task<IReadOnlyList<TemplateDefinition>> VisibleAsync(CancellationToken cancellationToken)
    {
        var tenantId = tenant.Id ?? throw new InvalidOperationException("Template administration needs a current tenant.");
        return catalog.VisibleFor(await toggles.GetEnabledAsync(tenantId, cancellationToken)).ToList();
    }
}
