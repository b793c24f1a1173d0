using System.Text.Json;
using RetailCrm.Sdk.Events;

namespace RetailCrm.Kernel.Events;

/// <summary>Holds the events published in this scope until the next SaveChanges writes them to an outbox.</summary>
internal sealed class EventBus : IEventBus
{
    public static readonly JsonSerializerOptions PayloadOptions = new(JsonSerializerDefaults.Web);

    private readonly List<(string Name, string Payload)> _pending = [];

    public void Publish<TEvent>(TEvent integrationEvent) where TEvent : class => _pending.Add(Serialize(integrationEvent));

    /// <summary>An event as it travels: its name and its JSON payload.</summary>
    public static (string Name, string Payload) Serialize(object integrationEvent) =>
        (IntegrationEventName.Of(integrationEvent.GetType()), JsonSerializer.Serialize(integrationEvent, integrationEvent.GetType(), PayloadOptions));

    public IReadOnlyList<(string Name, string Payload)> TakePending()
    {
        var taken = _pending.ToList();
        _pending.Clear();
        return taken;
    }
}
