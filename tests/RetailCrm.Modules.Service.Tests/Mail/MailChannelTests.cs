using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MimeKit;
using RetailCrm.Modules.Service.Contracts;
using RetailCrm.Modules.Service.Domain.Tickets;

namespace RetailCrm.Modules.Service.Tests.Mail;

/// <summary>The e-mail channel against the real smtp4dev of tests/run.sh: mail in through its SMTP, read by the module over its IMAP.</summary>
public sealed class MailChannelTests(MailHost host) : IClassFixture<MailHost>
{
    [Fact]
    public async Task Should_open_a_ticket_for_the_known_customer_with_the_files_the_policy_takes_and_acknowledge_it()
    {
        var tenant = await host.TenantAsync();
        var from = MailTenant.Customer();
        var customer = await tenant.Client.PostAsJsonAsync("/api/members/customers", new { customer = new { kind = "Person", displayName = "Li Na", email = from } });
        customer.StatusCode.ShouldBe(HttpStatusCode.Created, await customer.Content.ReadAsStringAsync());
        var customerId = (await customer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var mail = tenant.Compose(from, "The water dispenser leaks", "It leaks since Monday.", "Li Na");
        var body = new BodyBuilder { TextBody = "It leaks since Monday." };
        body.Attachments.Add("photo.png", [0x89, 0x50, 0x4E, 0x47, 1, 2, 3]);
        body.Attachments.Add("tool.exe", [0x4D, 0x5A, 0, 0]);
        mail.Body = body.ToMessageBody();
        await tenant.SendAsync(mail);

        // smtp4dev files a mail a moment after SMTP took it, and other tests' mail shares its folder: poll until it is in.
        await CrmHostFactory.EventuallyAsync(async () =>
        {
            await tenant.PollAsync();
            return (await tenant.TicketsAsync()).Count > 0;
        }, "the mail opened its ticket");

        var ticket = (await tenant.TicketsAsync()).ShouldHaveSingleItem();
        ticket.Channel.ShouldBe(TicketChannel.Email);
        ticket.CustomerId.ShouldBe(customerId);
        ticket.ContactEmail.ShouldBe(from);
        ticket.Subject.ShouldBe("The water dispenser leaks");
        var entries = await tenant.EntriesAsync(ticket.Id);
        var first = entries.Single(e => e.Kind == TicketEntryKind.CustomerMessage);
        first.Body.ShouldBe("It leaks since Monday.");
        first.MessageId.ShouldBe(mail.MessageId);
        var attachment = (await tenant.AttachmentsAsync(ticket.Id)).ShouldHaveSingleItem();
        (attachment.FileName, attachment.ContentType, attachment.EntryId).ShouldBe(("photo.png", "image/png", first.Id));
        entries.Single(e => e.Kind == TicketEntryKind.Note).Body.ShouldContain("tool.exe");

        var acknowledgement = await tenant.WaitForMailAsync(from, ticket.SubjectToken);
        acknowledgement.Subject.ShouldStartWith("We have your message: The water dispenser leaks");
        acknowledgement.InReplyTo.ShouldBe(mail.MessageId);
        acknowledgement.From.Mailboxes.Single().Address.ShouldBe(tenant.Address);
    }

    [Fact]
    public async Task Should_match_the_sender_to_the_customer_when_the_minute_job_reads_the_mail_as_no_user()
    {
        var tenant = await host.TenantAsync();
        var from = MailTenant.Customer();
        var customer = await tenant.Client.PostAsJsonAsync("/api/members/customers", new { customer = new { kind = "Person", displayName = "Zhao Lei", email = from.ToUpperInvariant() } });
        customer.StatusCode.ShouldBe(HttpStatusCode.Created, await customer.Content.ReadAsStringAsync());
        var customerId = (await customer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await tenant.SendAsync(tenant.Compose(from, "Dispenser noise", "It hums at night.", "Zhao Lei"));

        await CrmHostFactory.EventuallyAsync(async () =>
        {
            await host.Factory.InTenantAsync(tenant.Name, async services =>
            {
                var job = services.GetServices<RetailCrm.Sdk.Jobs.ICrmJob>().Single(j => j.Name == "service.mail-poll");
                await job.ExecuteAsync(services, CancellationToken.None);
                return true;
            });
            return (await tenant.TicketsAsync()).Count > 0;
        }, "the job opened the ticket");

        var ticket = (await tenant.TicketsAsync()).ShouldHaveSingleItem();
        (ticket.CustomerId, ticket.OpenedByUserId).ShouldBe((customerId, null));
    }

    [Fact]
    public async Task Should_thread_answers_by_references_and_by_the_subject_token_and_read_each_mail_once()
    {
        var tenant = await host.TenantAsync();
        var from = MailTenant.Customer();
        var opening = tenant.Compose(from, "Where is my order?", "Ordered water on Monday.", "Wang Wei");
        await tenant.SendAsync(opening);
        await tenant.PollAsync();
        var ticket = (await tenant.TicketsAsync()).ShouldHaveSingleItem();
        ticket.CustomerId.ShouldBeNull();
        ticket.ContactName.ShouldBe("Wang Wei");

        var byReferences = tenant.Compose(from, "Re: Where is my order?", "Still nothing.");
        byReferences.InReplyTo = "unknown-" + opening.MessageId;
        byReferences.References.Add(opening.MessageId!);
        var byToken = tenant.Compose(from, $"Again {ticket.SubjectToken}", "Hello?");
        var unrelated = tenant.Compose(from, "Another matter", "A new question.");
        await tenant.SendAsync(byReferences);
        await tenant.SendAsync(byToken);
        await tenant.SendAsync(unrelated);
        // smtp4dev files each mail a moment after accepting it, and the minute job may read some first: poll until all
        // three are stored, counting what the polls did.
        var (threaded, opened) = (0, 0);
        await CrmHostFactory.EventuallyAsync(async () =>
        {
            var polled = await tenant.PollAsync();
            (threaded, opened) = (threaded + polled.GetProperty("threaded").GetInt32(), opened + polled.GetProperty("opened").GetInt32());
            return (await tenant.TicketsAsync()).Count == 2 && (await tenant.EntriesAsync(ticket.Id)).Count(e => e.Kind == TicketEntryKind.CustomerMessage) == 3;
        }, "the three mails are read");
        var again = await tenant.PollAsync();

        threaded.ShouldBeLessThanOrEqualTo(2); // the minute job may have read some of them itself
        opened.ShouldBeLessThanOrEqualTo(1);
        (again.GetProperty("opened").GetInt32(), again.GetProperty("threaded").GetInt32(), again.GetProperty("duplicates").GetInt32()).ShouldBe((0, 0, 0));
        var tickets = await tenant.TicketsAsync();
        tickets.Count.ShouldBe(2);
        (await tenant.EntriesAsync(ticket.Id)).Where(e => e.Kind == TicketEntryKind.CustomerMessage).Select(e => e.Body)
            .ShouldBe(["Ordered water on Monday.", "Still nothing.", "Hello?"]);
        tickets[1].Subject.ShouldBe("Another matter");
    }

    [Fact]
    public async Task Should_not_open_a_second_ticket_when_the_folder_is_read_again_from_the_start()
    {
        var tenant = await host.TenantAsync();
        await tenant.SendAsync(tenant.Compose(MailTenant.Customer(), "Printer broken", "Our receipt printer is broken."));
        await tenant.PollAsync();

        await host.Factory.InTenantAsync(tenant.Name, async s =>
        {
            var db = s.GetRequiredService<Infrastructure.Persistence.ServiceDbContext>();
            var mailbox = await db.Set<Domain.Mail.Mailbox>().SingleAsync();
            mailbox.StartOver(mailbox.UidValidity!.Value);
            return await db.SaveChangesAsync();
        });
        var reread = await tenant.PollAsync();

        reread.GetProperty("duplicates").GetInt32().ShouldBe(1);
        (await tenant.TicketsAsync()).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Should_keep_a_mail_without_a_sender_as_a_dead_letter_with_its_raw_bytes_until_discarded()
    {
        var tenant = await host.TenantAsync();
        var broken = new MimeMessage { Subject = "No sender here", Body = new TextPart("plain") { Text = "Who wrote this?" } };
        broken.To.Add(MailboxAddress.Parse(tenant.Address));
        await tenant.SendAsync(broken);

        // smtp4dev files a mail into its IMAP folder a moment after SMTP accepted it (and the minute job may read it
        // first), so the test asserts what was stored, polling until the mail was read.
        await CrmHostFactory.EventuallyAsync(async () =>
        {
            await tenant.PollAsync();
            return (await tenant.DeadLettersAsync()).Count > 0;
        }, "the mail is kept as a dead letter");

        (await tenant.TicketsAsync()).ShouldBeEmpty();
        var letter = (await tenant.DeadLettersAsync()).ShouldHaveSingleItem();
        letter.Reason!.ShouldContain("no sender");
        var listed = (await tenant.Client.GetFromJsonAsync<JsonElement>("/api/service/mailboxes/dead-letters")).EnumerateArray().ShouldHaveSingleItem();
        listed.GetProperty("mailboxAddress").GetString().ShouldBe(tenant.Address);
        var raw = await tenant.Client.GetAsync($"/api/service/mailboxes/dead-letters/{letter.Id}/raw");
        raw.Content.Headers.ContentType!.MediaType.ShouldBe("message/rfc822");
        var bytes = await raw.Content.ReadAsByteArrayAsync();
        bytes.ShouldBe(letter.Raw);
        Encoding.ASCII.GetString(bytes).ShouldContain("Who wrote this?");
        (await tenant.Client.PostAsync($"/api/service/mailboxes/dead-letters/{letter.Id}/retry", null)).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        // Other tests' mail may arrive in the shared folder meanwhile; this mailbox's own mail is not read again.
        var reread = await tenant.PollAsync();
        (reread.GetProperty("deadLetters").GetInt32(), reread.GetProperty("opened").GetInt32()).ShouldBe((0, 0));
        (await tenant.DeadLettersAsync()).ShouldHaveSingleItem();

        (await tenant.Client.DeleteAsync($"/api/service/mailboxes/dead-letters/{letter.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await tenant.DeadLettersAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Should_send_the_agents_reply_in_the_tickets_language_threaded_to_the_customers_mail()
    {
        var tenant = await host.TenantAsync();
        var from = MailTenant.Customer();
        var question = tenant.Compose(from, "饮水机漏水", "饮水机从周一开始漏水。", "李娜");
        await tenant.SendAsync(question);
        await tenant.PollAsync();
        var ticket = (await tenant.TicketsAsync()).ShouldHaveSingleItem();
        ticket.Language.ShouldBe("zh-CN");
        (await tenant.WaitForMailAsync(from, "我们已收到您的来信")).Subject!.ShouldContain(ticket.SubjectToken);

        var replied = await tenant.Client.PostAsJsonAsync($"/api/service/tickets/{ticket.Id}/replies", new { body = "明天上午派师傅上门。", version = ticket.Version });
        replied.StatusCode.ShouldBe(HttpStatusCode.Created, await replied.Content.ReadAsStringAsync());

        var reply = await tenant.WaitForMailAsync(from, "回复：");
        reply.Subject.ShouldBe($"回复：饮水机漏水 {ticket.SubjectToken}");
        (reply.TextBody ?? "").ShouldContain("明天上午派师傅上门。");
        reply.InReplyTo.ShouldBe(question.MessageId);
        reply.References.ShouldContain(question.MessageId!);
        var stored = (await tenant.EntriesAsync(ticket.Id)).Single(e => e.Kind == TicketEntryKind.Reply);
        stored.MessageId.ShouldBe(reply.MessageId);

        var answer = tenant.Compose(from, "Re: " + reply.Subject!.Replace(ticket.SubjectToken, "", StringComparison.Ordinal), "好的，谢谢。");
        answer.InReplyTo = reply.MessageId;
        await tenant.SendAsync(answer);
        (await tenant.PollAsync()).GetProperty("threaded").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Should_send_no_acknowledgement_when_the_tenant_switched_them_off()
    {
        var tenant = await host.TenantAsync();
        (await tenant.Client.PutAsJsonAsync("/api/admin/settings/service.mail.acknowledge", new { value = "false", scope = "Tenant" })).EnsureSuccessStatusCode();
        var from = MailTenant.Customer();
        await tenant.SendAsync(tenant.Compose(from, "Opening hours?", "When do you open on Sunday?"));
        await tenant.PollAsync();
        var ticket = (await tenant.TicketsAsync()).ShouldHaveSingleItem();

        (await tenant.Client.PostAsJsonAsync($"/api/service/tickets/{ticket.Id}/replies", new { body = "At 9.", version = ticket.Version })).EnsureSuccessStatusCode();

        (await tenant.WaitForMailAsync(from, "Re: Opening hours?")).TextBody!.ShouldContain("At 9.");
        (await host.Mail.FindAsync(from)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Should_keep_a_fax_the_ticket_type_refuses_as_a_dead_letter_and_open_the_fax_ticket_when_retried_after_the_fix()
    {
        var tenant = await host.TenantAsync(fax: true);
        var fax = tenant.Compose("gateway@fax.example.com", "", "");
        var body = new BodyBuilder();
        body.Attachments.Add("fax-0001.tif", [0x49, 0x49, 0x2A, 0x00, 9, 9]);
        fax.Body = body.ToMessageBody();
        await tenant.SendAsync(fax);

        await tenant.PollAsync(); // the minute job may have read it first: what counts is what was stored
        var letter = (await tenant.DeadLettersAsync()).ShouldHaveSingleItem();
        letter.Reason.ShouldContain("fields.");
        var fixedType = await tenant.Client.PutAsJsonAsync($"/api/service/mailboxes/{tenant.MailboxId}", new
        {
            name = "Fax", host = host.Mail.ImapHost, port = host.Mail.ImapPort, security = "None", userName = "tests", address = tenant.Address, isFax = true, defaultType = "inquiry",
        });
        fixedType.StatusCode.ShouldBe(HttpStatusCode.OK, await fixedType.Content.ReadAsStringAsync());
        var retried = await tenant.Client.PostAsync($"/api/service/mailboxes/dead-letters/{letter.Id}/retry", null);

        retried.StatusCode.ShouldBe(HttpStatusCode.OK, await retried.Content.ReadAsStringAsync());
        (await tenant.DeadLettersAsync()).ShouldBeEmpty();
        var ticket = (await tenant.TicketsAsync()).ShouldHaveSingleItem();
        ticket.Channel.ShouldBe(TicketChannel.Fax);
        ticket.Subject.ShouldBe("Fax from gateway@fax.example.com");
        (await tenant.AttachmentsAsync(ticket.Id)).ShouldHaveSingleItem().ContentType.ShouldBe("image/tiff");
        (await tenant.TestPollAsync()).ShouldBe(0);
    }
}
