using RetailCrm.Sdk.Templates;

namespace RetailCrm.Modules.Analysis.Application.Actions;

/// <summary>The analysis module's message templates.</summary>
internal sealed class AnalysisTemplates : ITemplateDefinitionProvider
{
    /// <summary>The greeting a segment is sent to thank, encourage or win back its customers.</summary>
    public const string Greeting = "analysis.greeting";

    public void Define(ITemplateDefinitionContext context) =>
        context.Add(new TemplateDefinition(Greeting, "Customer greeting", "顾客问候")
        {
            SampleModel = new GreetingModel("Zhang Wei", "C2026000001", "AtRisk"),
        });
}
