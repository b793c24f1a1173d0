namespace RetailCrm.Sdk.Events;

/// <summary>
/// Names an integration event on the wire. Events travel by name, so a handler in another
/// load context (a plugin) can receive an event whose type it has its own copy of.
/// Without the attribute, the type's name is used.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class IntegrationEventAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}

/// <summary>
/// Publishes integration events. Published events are written to the outbox of the DbContext
/// whose <c>SaveChanges</c> runs next in the same scope, in the same transaction as the change
/// that raised them, and delivered to handlers afterwards with retries.
/// </summary>
public interface IEventBus
{
    void Publish<TEvent>(TEvent integrationEvent) where TEvent : class;
}

/// <summary>Handles one integration event type. Register with <c>services.AddScoped&lt;IIntegrationEventHandler&lt;T&gt;, H&gt;()</c>.</summary>
public interface IIntegrationEventHandler<in TEvent> where TEvent : class
{
    Task HandleAsync(TEvent integrationEvent, CancellationToken cancellationToken);
}

/// <summary>Helpers for event names.</summary>
public static class IntegrationEventName
{
    public static string Of(Type eventType) =>
        eventType.GetCustomAttributes(typeof(IntegrationEventAttribute), false) is [IntegrationEventAttribute attribute, ..]
            ? attribute.Name
            : eventType.Name;
}
