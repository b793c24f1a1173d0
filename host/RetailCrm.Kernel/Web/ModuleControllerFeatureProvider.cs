using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Controllers;
using RetailCrm.Kernel.Modularity;

namespace RetailCrm.Kernel.Web;

/// <summary>
/// Lets modules keep their controllers internal (STYLE.md: implementation types are internal):
/// an internal, concrete <see cref="ControllerBase"/> named *Controller in a module's assembly is a controller too.
/// </summary>
internal sealed class ModuleControllerFeatureProvider(ModuleCatalog catalog) : ControllerFeatureProvider
{
    protected override bool IsController(TypeInfo typeInfo) =>
        base.IsController(typeInfo)
        || (typeInfo is { IsClass: true, IsAbstract: false, ContainsGenericParameters: false, IsNested: false }
            && typeof(ControllerBase).IsAssignableFrom(typeInfo)
            && typeInfo.Name.EndsWith("Controller", StringComparison.Ordinal)
            && catalog.OwnerOf(typeInfo) is not null);
}
