using Microsoft.AspNetCore.Mvc.ApplicationModels;
using RetailCrm.Kernel.Modularity;

namespace RetailCrm.Kernel.Web;

/// <summary>Endpoint metadata naming the module an endpoint belongs to; the gate answers 404 when it is off.</summary>
internal sealed record ModuleEndpointMetadata(string ModuleId);

/// <summary>Tags every controller action of a module or plugin with its module id.</summary>
internal sealed class ModuleEndpointConvention(ModuleCatalog catalog) : IApplicationModelConvention
{
    public void Apply(ApplicationModel application)
    {
        foreach (var controller in application.Controllers)
        {
            if (catalog.OwnerOf(controller.ControllerType) is not { } module)
            {
                continue;
            }

            foreach (var selector in controller.Actions.SelectMany(a => a.Selectors))
            {
                selector.EndpointMetadata.Add(new ModuleEndpointMetadata(module.Id));
            }

        }
    }
}
