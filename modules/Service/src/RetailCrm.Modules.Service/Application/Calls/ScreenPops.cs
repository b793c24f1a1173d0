using System.Collections.Concurrent;
using System.Threading.Channels;

namespace RetailCrm.Modules.Service.Application.Calls;

/// <summary>A call ringing at an agent's extension, as the PBX reported it; the agent's stream turns it into the pop.</summary>
internal sealed record RingingCall(Guid CallRecordId, string CallId, string From, string? FromE164);

/// <summary>
/// Carries ringing calls to the open pages of the agent at the extension, in this process: every page of a signed-in
/// agent keeps a stream open (<see cref="Subscribe"/>), and the webhook's <see cref="Publish"/> writes to each.
/// With more than one instance of the host the PBX must call the instance the agent's pages are on (sticky routing).
/// </summary>
internal sealed class ScreenPops
{
    private readonly ConcurrentDictionary<(Guid Tenant, Guid User), ConcurrentDictionary<Guid, Channel<RingingCall>>> _listeners = new();

    public Subscription Subscribe(Guid tenantId, Guid userId)
    {
        var channel = Channel.CreateBounded<RingingCall>(new BoundedChannelOptions(20) { FullMode = BoundedChannelFullMode.DropOldest });
        var id = Guid.NewGuid();
        _listeners.GetOrAdd((tenantId, userId), _ => new()).TryAdd(id, channel);
        return new Subscription(channel.Reader, () =>
        {
            if (_listeners.TryGetValue((tenantId, userId), out var channels))
            {
                channels.TryRemove(id, out _);
            }
        });
    }

    /// <summary>Tells every open page of the agent; answers how many pages were told.</summary>
    public int Publish(Guid tenantId, Guid userId, RingingCall call)
    {
        if (!_listeners.TryGetValue((tenantId, userId), out var channels))
        {
            return 0;
        }

        return channels.Values.Count(c => c.Writer.TryWrite(call));
    }

    internal sealed class Subscription(ChannelReader<RingingCall> reader, Action unsubscribe) : IDisposable
    {
        public ChannelReader<RingingCall> Reader { get; } = reader;

        public void Dispose() => unsubscribe();
    }
}
