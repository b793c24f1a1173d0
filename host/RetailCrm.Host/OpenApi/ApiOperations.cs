using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.Controllers;
using RetailCrm.Kernel.Modularity;

namespace RetailCrm.Host.OpenApi;

/// <summary>
/// Which actions are API operations, their operationId (<c>{controller}_{Action}</c>, e.g. <c>pos_Pay</c>: stable
/// while the code keeps its names) and their tag, one per module and area (e.g. <c>Cards / Stock</c>).
/// </summary>
internal sealed partial class ApiOperations(ModuleCatalog modules)
{
    public const string HostArea = "Administration";

    public static bool IsApi(ApiDescription api) =>
        api.RelativePath is { } path && (path == "api" || path.StartsWith("api/", StringComparison.OrdinalIgnoreCase));

    public static string OperationId(ApiDescription api)
    {
        var action = Action(api);
        var controller = Area(action);
        return char.ToLowerInvariant(controller[0]) + controller[1..] + "_" + action.ActionName;
    }

    /// <summary>The module (by its English display name) or <see cref="HostArea"/> that an operation belongs to.</summary>
    public string Module(Type controller) => modules.OwnerOf(controller)?.Manifest.DisplayNameFor("en") ?? HostArea;

    public string Tag(ApiDescription api) => Tag(Action(api).ControllerTypeInfo.AsType());

    public string Tag(Type controller)
    {
        var module = Module(controller);
        var area = string.Join(' ', Words().Matches(Area(controller.Name)).Select((w, i) => i == 0 ? w.Value : w.Value.ToLowerInvariant()));
        area = area.Length <= 3 ? area.ToUpperInvariant() : area;
        return string.Equals(area, module, StringComparison.OrdinalIgnoreCase) ? module : $"{module} / {area}";
    }

    public static ControllerActionDescriptor Action(ApiDescription api) =>
        api.ActionDescriptor as ControllerActionDescriptor
            ?? throw new InvalidOperationException($"{api.RelativePath} is not a controller action; only controllers make the API.");

    private static string Area(ControllerActionDescriptor action) => Area(action.ControllerName);

    private static string Area(string controllerName)
    {
        var name = controllerName.EndsWith("Controller", StringComparison.Ordinal) ? controllerName[..^"Controller".Length] : controllerName;
        return name.EndsWith("Api", StringComparison.Ordinal) && name.Length > 3 ? name[..^3] : name;
    }

    [GeneratedRegex("[A-Z][a-z0-9]*|[a-z0-9]+")]
    private static partial Regex Words();
}
