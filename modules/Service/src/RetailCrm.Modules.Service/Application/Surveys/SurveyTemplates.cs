using RetailCrm.Sdk.Templates;

namespace RetailCrm.Modules.Service.Application.Surveys;

/// <summary>Declares the survey invitation (<c>Templates/csat-survey.scriban</c> and its zh-CN variant).</summary>
internal sealed class SurveyTemplates : ITemplateDefinitionProvider
{
    public void Define(ITemplateDefinitionContext context) =>
        context.Add(new TemplateDefinition(SurveyInvitations.TemplateKey, "Satisfaction survey", "满意度调查") { SampleModel = SurveyMail.Sample });
}
