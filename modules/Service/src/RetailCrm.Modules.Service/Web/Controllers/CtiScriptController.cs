using Microsoft.AspNetCore.Mvc;
using RetailCrm.Modules.Service.Contracts;
using RetailCrm.Sdk.Authorization;

namespace RetailCrm.Modules.Service.Web.Controllers;

/// <summary>The screen pop's script, which every page of an agent loads: it listens to the agent's stream and shows ringing calls.</summary>
internal sealed class CtiScriptController : Controller
{
    /// <summary>A view, so that its texts are in the agent's language; the culture is in the URL so a cached copy is the right one.</summary>
    [HttpGet("service/assets/screen-pop.js")]
    [RequirePermission(ServicePermissions.TicketsView)]
    [ResponseCache(Duration = 300, Location = ResponseCacheLocation.Client)]
    public IActionResult Script()
    {
        var script = View("~/Web/Views/Calls/ScreenPopScript.cshtml");
        script.ContentType = "text/javascript; charset=utf-8";
        return script;
    }
}
