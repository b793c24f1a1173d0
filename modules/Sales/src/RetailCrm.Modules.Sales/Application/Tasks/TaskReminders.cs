using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using RetailCrm.Modules.Sales.Contracts;
using RetailCrm.Modules.Sales.Domain.Opportunities;
using RetailCrm.Modules.Sales.Domain.Tasks;
using RetailCrm.Modules.Sales.Infrastructure.Persistence;
using RetailCrm.Sdk.Authorization;
using RetailCrm.Sdk.Jobs;
using RetailCrm.Sdk.Messaging;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Settings;
using RetailCrm.Sdk.Templates;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Sales.Application.Tasks;

/// <summary>The model of the reminder mail.</summary>
/// <param name="AssigneeName">Whom the mail is to.</param>
/// <param name="TaskTitle">What is to be done.</param>
/// <param name="DueAt">When it is due, in the sales time zone, e.g. <c>2026-12-08 10:00 (Asia/Shanghai)</c>.</param>
/// <param name="DealTitle">The deal it is for, or empty.</param>
/// <param name="TasksPath">The user's task list.</param>
internal sealed record TaskReminderModel(string AssigneeName, string TaskTitle, string DueAt, string DealTitle, string TasksPath);

internal sealed class SalesTemplates : ITemplateDefinitionProvider
{
    /// <summary>To the assignee when a task's reminder time comes.</summary>
    public const string TaskReminder = "sales.task-reminder";

    public void Define(ITemplateDefinitionContext context) =>
        context.Add(new TemplateDefinition(TaskReminder, "Sales task reminder", "销售任务提醒")
        {
            SampleModel = new TaskReminderModel("Li Wei", "Send the proposal", "2026-12-08 10:00 (Asia/Shanghai)", "Spring advertising", "/sales/tasks"),
        });
}

/// <summary>Every minute: mails each task's assignee when its reminder time has come.</summary>
internal sealed class TaskReminderJob : ICrmJob
{
    public string Name => "sales.task-reminders";

    public TimeSpan Interval => TimeSpan.FromMinutes(1);

    public Task ExecuteAsync(IServiceProvider scopedServices, CancellationToken cancellationToken) =>
        scopedServices.GetRequiredService<TaskReminders>().RunAsync(cancellationToken);
}

/// <summary>
/// Sends the due reminders. Each is claimed by a conditional update of <see cref="SalesTask.RemindedAt"/> before its
/// mail is queued, so two runs at once never send it twice; the mail goes through the outbox of messages, which
/// retries. An assignee without an e-mail address still sees the reminder in the header's bell.
/// </summary>
internal sealed class TaskReminders(SalesDbContext db, IUserDirectory users, IOutgoingMessages messages, ISettingProvider settings, SalesCalendar calendar, TimeProvider time)
{
    public const int Batch = 200;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var due = await db.Set<SalesTask>().AsNoTracking()
            .Where(t => t.RemindAt <= now && t.RemindedAt == null && t.CompletedAt == null)
            .OrderBy(t => t.RemindAt).Take(Batch).ToListAsync(cancellationToken);
        var sent = 0;
        var zone = await calendar.ZoneAsync(cancellationToken);
        var tenantCulture = await settings.GetAsync(SalesSettings.KernelCulture, cancellationToken);
        foreach (var task in due)
        {
            var claimed = await db.Set<SalesTask>().Where(t => t.Id == task.Id && t.RemindedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.RemindedAt, now), cancellationToken) == 1;
            if (!claimed || await users.FindAsync(task.AssigneeUserId, cancellationToken) is not { Email: { } email } assignee)
            {
                continue;
            }

            var deal = task.OpportunityId is { } id ? await db.Set<Opportunity>().AsNoTracking().Where(o => o.Id == id).Select(o => o.Title).FirstOrDefaultAsync(cancellationToken) : null;
            var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(task.DueAt, DateTimeKind.Utc), zone);
            var model = new TaskReminderModel(assignee.DisplayName, task.Title, $"{local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} ({zone.Id})", deal ?? "", "/sales/tasks");
            await messages.QueueAsync(new OutgoingMessage(ChannelKinds.Email, email, SalesTemplates.TaskReminder, model, assignee.Culture ?? tenantCulture) { ToName = assignee.DisplayName }, cancellationToken);
            sent++;
        }

        return sent;
    }
}

/// <summary>The bell's count of the user's tasks whose reminder or due time has come.</summary>
internal sealed class TasksDueCounter(TaskService tasks, IPermissionChecker permissions, IStringLocalizer<SalesModule> t) : INotificationCounter
{
    public async Task<NotificationCount?> CountAsync(CancellationToken cancellationToken) =>
        await permissions.IsGrantedAsync(SalesPermissions.Work, cancellationToken)
            ? new NotificationCount("sales.tasks-due", t["Sales tasks due"], await tasks.DueNowCountAsync(cancellationToken), "/sales/tasks")
            : null;
}
