using System.Net.Http.Json;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MimeKit;
using Shouldly;

namespace RetailCrm.Testing;

/// <summary>
/// The throwaway smtp4dev that tests/run.sh starts (tests/services/smtp4dev.sh): where a tenant's SMTP settings
/// point, and what arrived, read back through its IMAP server. Missing is a failure, never a skip.
/// </summary>
public sealed class TestMailServer
{
    private TestMailServer(string smtpHost, int smtpPort, string imapHost, int imapPort)
    {
        SmtpHost = smtpHost;
        SmtpPort = smtpPort;
        ImapHost = imapHost;
        ImapPort = imapPort;
    }

    public string SmtpHost { get; }

    public int SmtpPort { get; }

    public string ImapHost { get; }

    public int ImapPort { get; }

    public static TestMailServer FromEnvironment()
    {
        var (smtpHost, smtpPort) = Endpoint("RETAILCRM_TEST_SMTP");
        var (imapHost, imapPort) = Endpoint("RETAILCRM_TEST_IMAP");
        return new TestMailServer(smtpHost, smtpPort, imapHost, imapPort);
    }

    /// <summary>Points the tenant of <paramref name="admin"/> at this server (plain SMTP, no sign-in) with a sender.</summary>
    public async Task ConfigureTenantAsync(HttpClient admin, string fromAddress, string fromName, int? port = null)
    {
        foreach (var (name, value) in new Dictionary<string, string>
        {
            ["crm.mail.smtp-host"] = SmtpHost,
            ["crm.mail.smtp-port"] = (port ?? SmtpPort).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["crm.mail.smtp-security"] = "none",
            ["crm.mail.from-address"] = fromAddress,
            ["crm.mail.from-name"] = fromName,
        })
        {
            var response = await admin.PutAsJsonAsync($"/api/admin/settings/{name}", new { value, scope = "Tenant" });
            response.IsSuccessStatusCode.ShouldBeTrue($"setting {name}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>The first message to <paramref name="address"/> that has arrived, waiting for it; fails after the timeout.</summary>
    public async Task<MimeMessage> WaitForAsync(string address, int seconds = 30)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var found = await FindAsync(address);
            if (found.Count > 0)
            {
                return found[0];
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"No mail to {address} arrived at {SmtpHost}:{SmtpPort} within {seconds} s.");
            }

            await Task.Delay(250);
        }
    }

    /// <summary>Every message to <paramref name="address"/> that has arrived so far.</summary>
    public async Task<IReadOnlyList<MimeMessage>> FindAsync(string address)
    {
        using var imap = new ImapClient();
        await imap.ConnectAsync(ImapHost, ImapPort, MailKit.Security.SecureSocketOptions.None);
        await imap.AuthenticateAsync("tests", "tests");
        await imap.Inbox.OpenAsync(FolderAccess.ReadOnly);
        var ids = await imap.Inbox.SearchAsync(SearchQuery.ToContains(address));
        var messages = new List<MimeMessage>();
        foreach (var id in ids)
        {
            messages.Add(await imap.Inbox.GetMessageAsync(id));
        }

        await imap.DisconnectAsync(true);
        return messages;
    }

    private static (string Host, int Port) Endpoint(string variable)
    {
        var value = Environment.GetEnvironmentVariable(variable)
            ?? throw new InvalidOperationException($"{variable} is not set: run the tests with `bash tests/run.sh`, which starts a throwaway smtp4dev (tests/services/smtp4dev.sh).");
        var colon = value.LastIndexOf(':');
        return (value[..colon], int.Parse(value[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }
}
