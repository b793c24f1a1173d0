using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Smtp;
using MimeKit;
using RetailCrm.Testing;

namespace RetailCrm.Benchmarks;

/// <summary>
/// Inbound e-mail: the given number of customer mails (English and Chinese, a third with a small attachment) are
/// handed to smtp4dev's SMTP (tools/bench.sh starts one of its own), then the real host (SQLite, over HTTP in memory)
/// polls the mailbox over IMAP (<c>POST /api/service/mailboxes/{id}/poll</c>, 500 mails a poll) until every mail has
/// opened its ticket. Each mail is parsed, matched to a customer, stored with its files and acknowledged (the
/// acknowledgements go out through the outgoing-messages job meanwhile); messages per second are printed.
/// </summary>
internal static class InboundMailBenchmark
{
    private static readonly string[] Outcomes = ["opened", "threaded", "deadLetters", "duplicates", "skipped"];

    public static async Task<int> RunAsync(int mails)
    {
        var server = TestMailServer.FromEnvironment();
        var data = Directory.CreateTempSubdirectory("retailcrm-bench-mail-").FullName;
        using var factory = BenchClient.Host(data, new Dictionary<string, string> { ["RetailCrm:Service:MailPollSeconds"] = "3600" });
        var client = await BenchClient.SignInAsync(factory);
        const string address = "service@shop.test";
        await server.ConfigureTenantAsync(client, address, "Shop service");
        var fill = Stopwatch.StartNew();
        await SendAsync(server, address, mails);
        await WaitInImapAsync(server, mails);
        fill.Stop();

        // The mailbox is made once every mail is in: the minute job may then poll too, but no sooner than the clock runs.
        var watch = Stopwatch.StartNew();
        var created = await client.PostAsJsonAsync("/api/service/mailboxes", new
        {
            name = "Service", host = server.ImapHost, port = server.ImapPort, security = "None", userName = "bench", password = "bench", address, defaultType = "inquiry",
        });
        created.EnsureSuccessStatusCode();
        var mailbox = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var polls = 0;
        var read = 0;
        while (await TicketsAsync(client) < mails)
        {
            var response = await client.PostAsync($"/api/service/mailboxes/{mailbox}/poll", null);
            response.EnsureSuccessStatusCode();
            var result = await response.Content.ReadFromJsonAsync<JsonElement>();
            if (result.GetProperty("error").ValueKind != JsonValueKind.Null || ++polls > mails)
            {
                throw new InvalidOperationException($"Poll {polls} failed or the mails do not all open tickets: {result}");
            }

            read += Outcomes.Sum(o => result.GetProperty(o).GetInt32());
        }

        watch.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"service inbound mail: {mails:N0} mails from smtp4dev's IMAP (handed in over SMTP in {fill.Elapsed.TotalSeconds:F0} s), real host on SQLite"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {mails:N0} tickets opened ({read:N0} mails read in {polls} polls, acknowledgements included) in {watch.Elapsed.TotalSeconds:F1} s: {mails / watch.Elapsed.TotalSeconds,7:F1} mails/s"));
        Latencies.PrintLoad();
        return 0;
    }

    private static async Task<int> TicketsAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/service/tickets?view=All&pageSize=1")).GetProperty("total").GetInt32();

    /// <summary>One SMTP session hands in every mail: distinct senders, subjects in both languages, every third with a 20 KB file.</summary>
    private static async Task SendAsync(TestMailServer server, string address, int mails)
    {
        using var smtp = new SmtpClient();
        await smtp.ConnectAsync(server.SmtpHost, server.SmtpPort, MailKit.Security.SecureSocketOptions.None);
        var file = new byte[20_000];
        Random.Shared.NextBytes(file);
        for (var i = 0; i < mails; i++)
        {
            var message = new MimeMessage { Subject = i % 2 == 0 ? $"Water dispenser {i} does not cool" : $"饮水机 {i} 不制冷" };
            message.From.Add(new MailboxAddress($"Customer {i}", $"customer{i}@example.cn"));
            message.To.Add(MailboxAddress.Parse(address));
            message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("example.cn");
            var body = new BodyBuilder { TextBody = $"Hello,\n\nthe dispenser I bought in store S00{i % 9} stopped cooling. Order {i}.\n\nRegards" };
            if (i % 3 == 0)
            {
                body.Attachments.Add($"photo-{i}.jpg", file, new ContentType("image", "jpeg"));
            }

            message.Body = body.ToMessageBody();
            await smtp.SendAsync(message);
        }

        await smtp.DisconnectAsync(true);
    }

    private static async Task WaitInImapAsync(TestMailServer server, int mails)
    {
        using var imap = new ImapClient();
        await imap.ConnectAsync(server.ImapHost, server.ImapPort, MailKit.Security.SecureSocketOptions.None);
        await imap.AuthenticateAsync("bench", "bench");
        for (var waited = 0; ; waited++)
        {
            await imap.Inbox.OpenAsync(FolderAccess.ReadOnly);
            if (imap.Inbox.Count >= mails)
            {
                break;
            }

            await imap.Inbox.CloseAsync();
            if (waited > 600)
            {
                throw new TimeoutException($"smtp4dev's IMAP shows {imap.Inbox.Count} of {mails} mails after 5 minutes.");
            }

            await Task.Delay(500);
        }

        await imap.DisconnectAsync(true);
    }
}
