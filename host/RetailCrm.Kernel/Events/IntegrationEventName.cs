using RetailCrm.Sdk.Events;

namespace RetailCrm.Kernel.Events;

/// <summary>The name an event travels by: its <see cref="IntegrationEventAttribute"/>, else the type's name.</summary>
internal static class IntegrationEventName
{
    public static string Of(Type eventType) =>
        eventType.GetCustomAttributes(typeof(IntegrationEventAttribute), false) is [IntegrationEventAttribute attribute, ..]
            ? attribute.Name
            : eventType.Name;
}
