namespace RetailCrm.Sdk.Events;

/// <summary>
/// Names an integration event on the wire. Events travel by name, so a handler in another
/// load context (a plugin) can receive an event whose type it has its own copy of.
/// Without the attribute, the type's name is used.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class IntegrationEventAttribute(string name) : Attribute
{
    /// <summary>The event's name on the wire, e.g. <c>members.customers-merged</c>.</summary>
    public string Name { get; } = name;
}

/// <summary>
/// Publishes integration events. Published events are written to the outbox of the DbContext
/// whose <c>SaveChanges</c> runs next in the same scope, in the same transaction as the change
/// that raised them, and delivered to handlers afterwards with retries.
/// </summary>
public interface IEventBus
{
    /// <summary>Queues the event for the outbox of the next SaveChanges in this scope.</summary>
    void Publish<TEvent>(TEvent integrationEvent) where TEvent : class;
}

/// <summary>Handles one integration event type. Register with <c>services.AddScoped&lt;IIntegrationEventHandler&lt;T&gt;, H&gt;()</c>.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "It handles integration events; the name says so and is the Sdk's public contract.")]
public interface IIntegrationEventHandler<in TEvent> where TEvent : class
{
    /// <summary>Handles one delivery; may be called more than once for one event (at-least-once), so it must be idempotent.</summary>
    Task HandleAsync(TEvent integrationEvent, CancellationToken cancellationToken);
}
