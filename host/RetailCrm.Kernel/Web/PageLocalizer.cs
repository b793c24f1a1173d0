using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using RetailCrm.Kernel.Localization;
using RetailCrm.Sdk.Results;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Kernel.Web;

/// <summary>
/// Texts of a page in the user's language: a template is looked up in the resources of the assembly whose
/// controller serves the request (a module's), then the kernel's, then the host's. A refused form keeps what was
/// typed (never passwords or tokens) and shows each field's error and one general message.
/// </summary>
internal sealed class PageLocalizer(IHttpContextAccessor accessor, JsonStringLocalizerFactory factory, DisplayText display) : IPageLocalizer
{
    private static readonly HashSet<string> s_notKept = new(StringComparer.OrdinalIgnoreCase)
    {
        "__RequestVerificationToken", PostOnceAttribute.TokenField, PostOnceAttribute.PageField,
    };

    private IReadOnlyList<IStringLocalizer>? _chain;

    public string Text(LocalizableText text)
    {
        var template = Find(text.Template);
        if (text.Arguments.Count == 0)
        {
            return template;
        }

        var shown = text.Arguments.Select(argument => argument switch
        {
            MoneyAmount amount => amount.ToDisplayString(),
            Enum value => display.Name(value),
            _ => argument,
        });
        return string.Format(CultureInfo.CurrentCulture, template, [.. shown]);
    }

    public FormState Refused(Refusal refusal, string? formId = null)
    {
        var errors = refusal.Fields
            .GroupBy(f => f.Field, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(f => Text(f.Text))], StringComparer.OrdinalIgnoreCase);
        var general = errors.Count > 0 ? null
            : refusal.Title is { } title ? $"{Find(title)}: {Text(refusal.Text)}"
            : Text(refusal.Text);
        Answer(refusal.Kind);
        return new FormState(formId, Posted(), errors, general);
    }

    public FormState? Invalid(ModelStateDictionary modelState, string? formId = null)
    {
        if (modelState.IsValid)
        {
            return null;
        }

        var errors = modelState
            .Where(entry => entry.Value is { Errors.Count: > 0 })
            .GroupBy(entry => entry.Key.Contains('.', StringComparison.Ordinal) ? entry.Key[(entry.Key.LastIndexOf('.') + 1)..] : entry.Key, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<string>)[.. g.SelectMany(entry => entry.Value!.Errors).Select(e => Find(string.IsNullOrEmpty(e.ErrorMessage) ? "The value is not valid." : e.ErrorMessage))],
                StringComparer.OrdinalIgnoreCase);
        Answer(RefusalKind.Invalid);
        return new FormState(formId, Posted(), errors, null);
    }

    /// <summary>The page shown again answers with the status the refusal's kind means, as the API does.</summary>
    private void Answer(RefusalKind kind)
    {
        if (accessor.HttpContext is { } context)
        {
            context.Response.StatusCode = (int)kind;
        }
    }

    private string Find(string key)
    {
        foreach (var localizer in Chain())
        {
            if (localizer[key] is { ResourceNotFound: false } found)
            {
                return found.Value;
            }
        }

        return key;
    }

    private IReadOnlyList<IStringLocalizer> Chain() => _chain ??= Assemblies().Distinct().Select(factory.Create).ToList();

    private IEnumerable<Assembly> Assemblies()
    {
        if (accessor.HttpContext?.GetEndpoint()?.Metadata.GetMetadata<ControllerActionDescriptor>() is { } action)
        {
            yield return action.ControllerTypeInfo.Assembly;
        }

        yield return typeof(PageLocalizer).Assembly;
        if (Assembly.GetEntryAssembly() is { } host)
        {
            yield return host;
        }
    }

    private Dictionary<string, string?> Posted()
    {
        var request = accessor.HttpContext?.Request;
        if (request is null || !request.HasFormContentType)
        {
            return [];
        }

        return request.Form
            .Where(f => !s_notKept.Contains(f.Key) && !f.Key.Contains("password", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(f => f.Key, f => (string?)f.Value.ToString(), StringComparer.OrdinalIgnoreCase);
    }
}
