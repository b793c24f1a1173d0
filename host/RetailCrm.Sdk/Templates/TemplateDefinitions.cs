namespace RetailCrm.Sdk.Templates;

/// <summary>
/// A message or document template a module ships, e.g. <c>service.ticket-reply</c>. The default text is an embedded
/// resource of the declaring module's assembly: <c>Templates/ticket-reply.scriban</c> (the part of the key after the
/// module id), with culture variants beside it such as <c>Templates/ticket-reply.zh-CN.scriban</c>. Embed them with
/// <c>&lt;EmbeddedResource Include="Templates\*.scriban" WithCulture="false" /&gt;</c> so a variant stays in the
/// module's own assembly. A tenant may override the text of any template and culture.
/// </summary>
/// <param name="Key">Unique key, starting with the module id and a dot, e.g. <c>service.ticket-reply</c>.</param>
/// <param name="DisplayName">English name shown on the templates page.</param>
/// <param name="DisplayNameZh">Chinese name shown on the templates page.</param>
public sealed record TemplateDefinition(string Key, string DisplayName, string? DisplayNameZh = null)
{
    /// <summary>
    /// The model a preview renders and a tenant's text is checked against when it is saved: the same shape as the
    /// model the module sends with (members are read snake_case, e.g. <c>ticket.number</c>).
    /// </summary>
    public object? SampleModel { get; init; }

    /// <summary>Id of the module that declared it; set by the kernel.</summary>
    public string ModuleId { get; internal set; } = "";

    /// <summary>The assembly that holds the default texts; set by the kernel (the provider's assembly).</summary>
    public System.Reflection.Assembly? DefaultsAssembly { get; internal set; }

    /// <summary>The resource file name without culture and extension: the key without the module id, e.g. <c>ticket-reply</c>.</summary>
    public string FileName => Key.Contains('.', StringComparison.Ordinal) ? Key[(Key.IndexOf('.', StringComparison.Ordinal) + 1)..] : Key;
}

/// <summary>Collects template definitions from providers.</summary>
public interface ITemplateDefinitionContext
{
    /// <summary>Declares a template; keys are unique across modules, and the default (culture-neutral) text must be embedded.</summary>
    TemplateDefinition Add(TemplateDefinition definition);
}

/// <summary>Declares a module's templates. Register with <c>services.AddSingleton&lt;ITemplateDefinitionProvider, T&gt;()</c>.</summary>
public interface ITemplateDefinitionProvider
{
    /// <summary>Declares the module's templates into the context.</summary>
    void Define(ITemplateDefinitionContext context);
}
