using Newtonsoft.Json;

namespace RetailCrm.Samples.JsonPlugin;

/// <summary>
/// What this plugin sees at run time. Only BCL types cross the boundary, so that tests can call
/// <see cref="Build"/> by reflection from another load context.
/// </summary>
public static class VersionReport
{
    private static int _eventsHandled;

    public static int EventsHandled => Volatile.Read(ref _eventsHandled);

    public static IReadOnlyDictionary<string, object> Build() => new Dictionary<string, object>
    {
        ["newtonsoftVersion"] = typeof(JsonConvert).Assembly.GetName().Version?.ToString() ?? "",
        ["serialized"] = JsonConvert.SerializeObject(new { plugin = "json-plugin", numbers = new[] { 1, 2, 3 } }),
        ["eventsHandled"] = EventsHandled,
    };

    internal static void CountEvent() => Interlocked.Increment(ref _eventsHandled);
}
