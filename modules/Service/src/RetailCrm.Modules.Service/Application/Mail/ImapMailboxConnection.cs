using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using RetailCrm.Modules.Service.Domain.Mail;

namespace RetailCrm.Modules.Service.Application.Mail;

/// <summary>One signed-in IMAP session on a mailbox's folder (MailKit), opened read-only: the module never changes the mailbox.</summary>
internal sealed class ImapMailboxConnection : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly ImapClient _client;
    private readonly ImapFolder _folder;

    private ImapMailboxConnection(ImapClient client, ImapFolder folder)
    {
        _client = client;
        _folder = folder;
    }

    public long UidValidity => _folder.UidValidity;

    public int Count => _folder.Count;

    public static async Task<ImapMailboxConnection> OpenAsync(Mailbox mailbox, string password, CancellationToken cancellationToken)
    {
        var client = new ImapClient { Timeout = (int)Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(mailbox.Host, mailbox.Port, SecurityOf(mailbox.Security), cancellationToken);
            await client.AuthenticateAsync(mailbox.UserName, password, cancellationToken);
            // An ImapClient's folders are ImapFolders: the one kind that reads several mails in one FETCH.
            var folder = (ImapFolder)(string.Equals(mailbox.Folder, "INBOX", StringComparison.OrdinalIgnoreCase)
                ? client.Inbox
                : await client.GetFolderAsync(mailbox.Folder, cancellationToken));
            await folder.OpenAsync(FolderAccess.ReadOnly, cancellationToken);
            return new ImapMailboxConnection(client, folder);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The UIDs to read next, oldest first, at most <paramref name="max"/>: every UID above <paramref name="lastUid"/>;
    /// on a mailbox's first poll (<paramref name="firstPoll"/>) only the unseen mail, so an old mailbox does not turn its
    /// history into tickets.
    /// </summary>
    public async Task<IReadOnlyList<uint>> NewUidsAsync(long lastUid, bool firstPoll, int max, CancellationToken cancellationToken)
    {
        IEnumerable<UniqueId> uids;
        if (firstPoll)
        {
            uids = await _folder.SearchAsync(SearchQuery.NotSeen, cancellationToken);
        }
        else
        {
            // A FETCH of "n:*" rather than a UID SEARCH: some servers (smtp4dev) walk a SEARCH range up to 4294967295.
            var range = new UniqueIdRange(new UniqueId((uint)Math.Min(lastUid + 1, uint.MaxValue)), UniqueId.MaxValue);
            uids = (await _folder.FetchAsync(range, MessageSummaryItems.UniqueId, cancellationToken)).Select(s => s.UniqueId);
        }

        // "n:*" always answers the newest message, even when its UID is below n.
        return [.. uids.Select(u => u.Id).Where(u => u > lastUid).Order().Take(max)];
    }

    /// <summary>
    /// The UIDs split into the groups read with one FETCH each (<see cref="ReadManyAsync"/>): at most
    /// <paramref name="maxCount"/> mails and <paramref name="maxBytes"/> together (a larger mail goes alone), as the
    /// server gives their sizes in one more round trip.
    /// </summary>
    public async Task<IReadOnlyList<IReadOnlyList<uint>>> GroupsAsync(IReadOnlyList<uint> uids, int maxCount, long maxBytes, CancellationToken cancellationToken)
    {
        if (uids.Count == 0)
        {
            return [];
        }

        var sizes = (await _folder.FetchAsync(uids.Select(u => new UniqueId(u)).ToList(), MessageSummaryItems.UniqueId | MessageSummaryItems.Size, cancellationToken))
            .ToDictionary(s => s.UniqueId.Id, s => (long)(s.Size ?? 0));
        var groups = new List<IReadOnlyList<uint>>();
        var group = new List<uint>();
        long bytes = 0;
        foreach (var uid in uids)
        {
            var size = sizes.GetValueOrDefault(uid);
            if (group.Count > 0 && (group.Count == maxCount || bytes + size > maxBytes))
            {
                groups.Add(group);
                (group, bytes) = ([], 0);
            }

            group.Add(uid);
            bytes += size;
        }

        groups.Add(group);
        return groups;
    }

    /// <summary>
    /// The raw bytes of several mails in one FETCH, by UID: one round trip instead of one per mail (smtp4dev answers a
    /// FETCH of one mail in about 70 ms, of a hundred in 140 ms). The bytes are the mail as the server stores it; a mail the server no longer has is left out.
    /// </summary>
    public async Task<IReadOnlyDictionary<uint, byte[]>> ReadManyAsync(IReadOnlyList<uint> uids, CancellationToken cancellationToken)
    {
        var read = new Dictionary<uint, byte[]>(uids.Count);
        await _folder.GetStreamsAsync(uids.Select(u => new UniqueId(u)).ToList(), async (_, _, uid, stream, token) =>
        {
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, token);
            read[uid.Id] = copy.ToArray();
        }, cancellationToken);
        return read;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_client.IsConnected)
            {
                await _client.DisconnectAsync(true);
            }
        }
        catch (Exception e) when (e is IOException or ImapProtocolException or ServiceNotConnectedException)
        {
            // The session is over either way.
        }

        _client.Dispose();
    }

    private static SecureSocketOptions SecurityOf(MailboxSecurity security) => security switch
    {
        MailboxSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        MailboxSecurity.StartTls => SecureSocketOptions.StartTls,
        MailboxSecurity.None => SecureSocketOptions.None,
        _ => SecureSocketOptions.Auto,
    };
}
