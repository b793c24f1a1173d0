using Microsoft.Extensions.DependencyInjection;
using RetailCrm.Kernel.Modularity;
using RetailCrm.Sdk.Events;

namespace RetailCrm.Kernel.Events;

/// <summary>A handler registered for an event name, with the module (or plugin) it belongs to.</summary>
internal sealed record EventSubscription(string EventName, Type EventType, Type ServiceType, Type HandlerType, string ModuleId)
{
    /// <summary>Stable name of the handler, stored with each delivery.</summary>
    public string Key => $"{ModuleId}:{HandlerType.FullName}";
}

/// <summary>Which handlers take which event names; built from the service registrations at start.</summary>
internal sealed class EventHandlerRegistry
{
    private readonly List<EventSubscription> _subscriptions = [];

    public IReadOnlyList<EventSubscription> Subscriptions => _subscriptions;

    public IEnumerable<EventSubscription> For(string eventName) =>
        _subscriptions.Where(s => s.EventName.Equals(eventName, StringComparison.Ordinal));

    internal void Collect(IServiceCollection services, ModuleCatalog catalog)
    {
        foreach (var descriptor in services)
        {
            if (descriptor.ServiceType is { IsGenericType: true } service
                && service.GetGenericTypeDefinition() == typeof(IIntegrationEventHandler<>)
                && descriptor.ImplementationType is { } handler)
            {
                var eventType = service.GetGenericArguments()[0];
                _subscriptions.Add(new EventSubscription(
                    IntegrationEventName.Of(eventType),
                    eventType,
                    service,
                    handler,
                    catalog.OwnerOf(handler)?.Id ?? ""));
            }
        }
    }
}
