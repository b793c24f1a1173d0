using System.Net.Http.Json;
using System.Text.Json;
using MailKit.Net.Smtp;
using MimeKit;
using RetailCrm.Modules.Service.Domain.Mail;
using RetailCrm.Modules.Service.Domain.Tickets;
using RetailCrm.Modules.Service.Infrastructure.Persistence;

namespace RetailCrm.Modules.Service.Tests.Mail;

/// <summary>
/// The real host with the installed modules, its outgoing-messages job every 200 ms and the minute mail poll slowed to an
/// hour, so the tests poll when they mean to (POST /api/service/mailboxes/{id}/poll).
/// </summary>
public sealed class MailHost : IDisposable
{
    public CrmHostFactory Factory { get; } = new(TestDatabase.Sqlite, CrmHostFactory.InstalledModulesPath, CrmHostFactory.NoPlugins, settings: new Dictionary<string, string>
    {
        ["RetailCrm:Messaging:PollMilliseconds"] = "200",
        ["RetailCrm:Service:MailPollSeconds"] = "3600",
    });

    public TestMailServer Mail { get; } = TestMailServer.FromEnvironment();

    /// <summary>A new tenant whose mail goes out through smtp4dev from the mailbox's address, and a mailbox on smtp4dev's IMAP.</summary>
    public async Task<MailTenant> TenantAsync(bool fax = false)
    {
        var name = Names.Tenant("svcmail");
        var client = await Factory.CreateTenantAsync(await Factory.SignedInClientAsync(), name);
        var address = $"help-{Guid.NewGuid():N}"[..17] + "@shop.test";
        await Mail.ConfigureTenantAsync(client, address, "Shop service");
        var created = await client.PostAsJsonAsync("/api/service/mailboxes", new
        {
            name = fax ? "Fax" : "Service", host = Mail.ImapHost, port = Mail.ImapPort, security = "None", userName = "tests", password = "tests",
            address, isFax = fax, defaultType = fax ? "phone-order" : "inquiry",
        });
        created.EnsureSuccessStatusCode();
        var mailbox = await created.Content.ReadFromJsonAsync<JsonElement>();
        return new MailTenant(this, name, client, address, mailbox.GetProperty("id").GetGuid());
    }

    public void Dispose() => Factory.Dispose();
}

public sealed record MailTenant(MailHost Host, string Name, HttpClient Client, string Address, Guid MailboxId)
{
    public static string Customer() => $"cust-{Guid.NewGuid():N}"[..17] + "@example.com";

    /// <summary>Hands the mail to smtp4dev's SMTP, addressed to the mailbox (it shows up in smtp4dev's IMAP).</summary>
    public async Task SendAsync(MimeMessage message)
    {
        using var smtp = new SmtpClient();
        await smtp.ConnectAsync(Host.Mail.SmtpHost, Host.Mail.SmtpPort, MailKit.Security.SecureSocketOptions.None);
        await smtp.SendAsync(message, message.From.Mailboxes.FirstOrDefault() ?? new MailboxAddress("", "nobody@example.com"), [MailboxAddress.Parse(Address)]);
        await smtp.DisconnectAsync(true);
    }

    public MimeMessage Compose(string from, string subject, string text, string? fromName = null)
    {
        var message = new MimeMessage { Subject = subject, Body = new TextPart("plain") { Text = text } };
        message.From.Add(new MailboxAddress(fromName, from));
        message.To.Add(MailboxAddress.Parse(Address));
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("example.com");
        return message;
    }

    public async Task<JsonElement> PollAsync()
    {
        var response = await Client.PostAsync($"/api/service/mailboxes/{MailboxId}/poll", null);
        response.EnsureSuccessStatusCode();
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        result.GetProperty("error").ValueKind.ShouldBe(JsonValueKind.Null, result.ToString());
        return result;
    }

    internal Task<List<Ticket>> TicketsAsync() =>
        Host.Factory.InTenantAsync(Name, s => s.GetRequiredService<ServiceDbContext>().Set<Ticket>().AsNoTracking().OrderBy(t => t.Number).ToListAsync());

    internal Task<List<TicketEntry>> EntriesAsync(Guid ticketId) =>
        Host.Factory.InTenantAsync(Name, s => s.GetRequiredService<ServiceDbContext>().Set<TicketEntry>().AsNoTracking().Where(e => e.TicketId == ticketId).OrderBy(e => e.CreatedAt).ToListAsync());

    internal Task<List<TicketAttachment>> AttachmentsAsync(Guid ticketId) =>
        Host.Factory.InTenantAsync(Name, s => s.GetRequiredService<ServiceDbContext>().Set<TicketAttachment>().AsNoTracking().Where(a => a.TicketId == ticketId).ToListAsync());

    internal Task<List<DeadLetter>> DeadLettersAsync() =>
        Host.Factory.InTenantAsync(Name, s => s.GetRequiredService<ServiceDbContext>().Set<DeadLetter>().AsNoTracking().ToListAsync());

    /// <summary>Every mail to <paramref name="address"/> whose subject contains <paramref name="subjectPart"/>, waiting for the first.</summary>
    public async Task<MimeMessage> WaitForMailAsync(string address, string subjectPart, int seconds = 30)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var found = (await Host.Mail.FindAsync(address)).FirstOrDefault(m => (m.Subject ?? "").Contains(subjectPart, StringComparison.Ordinal));
            if (found is not null)
            {
                return found;
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"No mail to {address} with '{subjectPart}' in the subject arrived within {seconds} s.");
            }

            await Task.Delay(250);
        }
    }
}
