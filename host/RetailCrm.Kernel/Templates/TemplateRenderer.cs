using Microsoft.EntityFrameworkCore;
using RetailCrm.Kernel.Data;
using RetailCrm.Sdk.Results;
using RetailCrm.Sdk.Templates;

namespace RetailCrm.Kernel.Templates;

/// <summary>The tenant's text of a template and culture when it has one, else the module's text for the culture.</summary>
internal sealed class TemplateTexts(KernelDbContext db, TemplateCatalog catalog)
{
    public async Task<(TemplateDefinition Definition, string Text, bool Overridden)?> FindAsync(string key, string culture, CancellationToken cancellationToken)
    {
        if (catalog.Find(key) is not { } definition)
        {
            return null;
        }

        culture = TemplateCatalog.Normalize(culture);
        var own = await db.Set<TemplateOverride>().AsNoTracking()
            .Where(o => o.Key == definition.Key && o.Culture == culture).Select(o => o.Text).FirstOrDefaultAsync(cancellationToken);
        return own is null ? (definition, TemplateCatalog.DefaultText(definition, culture), false) : (definition, own, true);
    }
}

internal sealed class TemplateRenderer(TemplateTexts texts) : ITemplateRenderer
{
    public async Task<Result<RenderedTemplate>> RenderAsync(string key, object model, string culture, CancellationToken cancellationToken = default) =>
        await RenderJsonAsync(key, ScribanTemplates.Serialize(model), culture, cancellationToken);

    public IReadOnlyList<TemplateError> Validate(string text) => ScribanTemplates.Validate(text);

    /// <summary>Renders with a model already stored as JSON (an outgoing message's).</summary>
    public async Task<Result<RenderedTemplate>> RenderJsonAsync(string key, string modelJson, string culture, CancellationToken cancellationToken)
    {
        if (await texts.FindAsync(key, culture, cancellationToken) is not { } found)
        {
            return Refusal.NotFound("template-not-found", "No template '{0}' is defined.", key);
        }

        var (rendered, errors) = await ScribanTemplates.RenderAsync(found.Text, modelJson, cancellationToken);
        return rendered is null ? Failed(key, errors) : rendered;
    }

    public static Refusal Failed(string key, IReadOnlyList<TemplateError> errors) =>
        Refusal.Unprocessable("template-failed", "Template {0} fails at {1}.", key, string.Join("; ", errors))
            .With("templateErrors", errors.Select(e => new { line = e.Line, column = e.Column, message = e.Message }).ToList());
}
