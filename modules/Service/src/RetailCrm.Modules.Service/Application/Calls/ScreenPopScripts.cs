using System.Globalization;
using RetailCrm.Modules.Service.Contracts;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Service.Application.Calls;

/// <summary>Puts the screen pop's script on every page of the users who work tickets.</summary>
internal sealed class ScreenPopScripts(IPermissionChecker permissions) : IPageScriptContributor
{
    /// <summary>Served by the module's <c>CtiScriptController</c>.</summary>
    public const string Path = "/service/assets/screen-pop.js";

    public async Task<IReadOnlyList<string>> GetScriptsAsync(CancellationToken cancellationToken = default) =>
        await permissions.IsGrantedAsync(ServicePermissions.TicketsWork, cancellationToken)
            ? [$"{Path}?lang={Uri.EscapeDataString(CultureInfo.CurrentUICulture.Name)}"]
            : [];
}
