using Microsoft.AspNetCore.Mvc;

namespace RetailCrm.Samples.JsonPlugin;

/// <summary>Shows which Newtonsoft.Json the plugin runs with and how many alpha events it handled.</summary>
[ApiController]
[Route("api/json-plugin/version")]
public sealed class VersionController : ControllerBase
{
    [HttpGet]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "An MVC action is an instance method.")]
    public IReadOnlyDictionary<string, object> Get() => VersionReport.Build();
}
