using CivicDesk.Core.CaseTypes;
using CivicDesk.Core.Cases;
using CivicDesk.Core.Data;
using CivicDesk.Core.Identity;
using CivicDesk.Core.Notifications;
using CivicDesk.Core.Tests.Workspace;
using CivicDesk.Testing;
using CivicDesk.Workflow.CaseTypes;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using static CivicDesk.Core.Tests.Notifications.OutboxWorld;

namespace CivicDesk.Core.Tests.Notifications;

/// <summary>
/// The outbox sender against a real SMTP server on loopback: language, retries, failures, skips and audit
/// (issue 4, item 2; ARCHITECTURE.md request flow step 4).
/// </summary>
public sealed class OutboxSenderTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task RunDue_SpanishRequestAcknowledged_DeliversTheSpanishMessageOnce(string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);
        await using LoopbackSmtpServer smtp = LoopbackSmtpServer.Start();
        PinnedCaseType nyc311 = await world.PublishNycCaseTypeAsync();
        Guid agent = await world.AddUserAsync("agent", StaffRole.Agent, "HPD");
        (Guid caseId, string reference) = await AddResidentCaseAsync(world, nyc311, "es", "resident@example.org");
        await Sla.SlaWorld.ChangeStatusAsync(world, agent, caseId, 1, CaseStatus.Open);

        int taken = await RunAsync(world, Options(smtp.Port));
        int again = await RunAsync(world, Options(smtp.Port));

        MimeMessage message = Assert.Single(smtp.Messages);
        OutboxNotification row = await SingleRowAsync(world);
        Assert.Equal((1, 0), (taken, again));
        Assert.Equal($"Solicitud {reference} recibida: Calefacción o agua caliente", message.Subject);
        Assert.Contains($"https://311.example.gov/requests/{reference}", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Estado: abierta.", message.TextBody, StringComparison.Ordinal);
        Assert.Equal("resident@example.org", Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal($"{row.Id:N}@civicdesk.test", message.MessageId);
        Assert.Equal((NotificationStates.Sent, 1, "es"), (row.State, row.Attempts, row.Language));
        Assert.NotNull(row.SentAt);
        string audit = Assert.Single(await AuditAsync(world, "notification.sent"));
        Assert.DoesNotContain("@", audit, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task RunDue_RecipientRefused_RetriesAfterTheBackOffThenFails(string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);
        await using LoopbackSmtpServer smtp = LoopbackSmtpServer.Start();
        (Guid caseId, _) = await AddResidentCaseAsync(world, null, "en", "refused@example.org");
        Guid id = await QueueAsync(world, caseId, new Notification(Recipient.Resident, null, "case.acknowledged"));

        int first = await RunAsync(world, Options(smtp.Port, maxAttempts: 2));
        OutboxNotification afterFirst = await RowAsync(world, id);
        int beforeBackOff = await RunAsync(world, Options(smtp.Port, maxAttempts: 2));
        world.Time.Advance(TimeSpan.FromMinutes(1));
        int second = await RunAsync(world, Options(smtp.Port, maxAttempts: 2));

        OutboxNotification failed = await RowAsync(world, id);
        Assert.Equal((NotificationStates.Pending, 1), (afterFirst.State, afterFirst.Attempts));
        Assert.StartsWith("smtp_550", afterFirst.LastError, StringComparison.Ordinal);
        Assert.Equal((1, 0, 1), (first, beforeBackOff, second));
        Assert.Equal((NotificationStates.Failed, 2), (failed.State, failed.Attempts));
        Assert.Null(failed.SentAt);
        Assert.Empty(smtp.Messages);
        string audit = Assert.Single(await AuditAsync(world, "notification.failed"));
        Assert.DoesNotContain("refused@", audit, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task RunDue_ServerDown_RetriesThenFailsWithTheErrorType(string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);
        int closedPort = LoopbackSmtpServer.FreeLoopbackPort();
        (Guid caseId, _) = await AddResidentCaseAsync(world, null, "en", "resident@example.org");
        Guid id = await QueueAsync(world, caseId, new Notification(Recipient.Resident, null, "case.closed"));

        await RunAsync(world, Options(closedPort, maxAttempts: 3));
        world.Time.Advance(TimeSpan.FromMinutes(1));
        await RunAsync(world, Options(closedPort, maxAttempts: 3));
        OutboxNotification afterSecond = await RowAsync(world, id);
        world.Time.Advance(TimeSpan.FromMinutes(1));
        int tooEarly = await RunAsync(world, Options(closedPort, maxAttempts: 3));
        world.Time.Advance(TimeSpan.FromMinutes(1));
        await RunAsync(world, Options(closedPort, maxAttempts: 3));

        OutboxNotification failed = await RowAsync(world, id);
        Assert.Equal((NotificationStates.Pending, 2), (afterSecond.State, afterSecond.Attempts));
        Assert.Equal(0, tooEarly);
        Assert.Equal((NotificationStates.Failed, 3), (failed.State, failed.Attempts));
        Assert.Equal("SocketException", failed.LastError);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task RunDue_TemplateKeyWithoutTemplate_FailsAtOnceWithoutSending(string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);
        await using LoopbackSmtpServer smtp = LoopbackSmtpServer.Start();
        (Guid caseId, _) = await AddResidentCaseAsync(world, null, "es", "resident@example.org");
        Guid id = await QueueAsync(world, caseId, new Notification(Recipient.Resident, null, "case.no_such_template"));

        int taken = await RunAsync(world, Options(smtp.Port));

        OutboxNotification failed = await RowAsync(world, id);
        Assert.Equal(1, taken);
        Assert.Equal(
            (NotificationStates.Failed, 1, "template_missing"), (failed.State, failed.Attempts, failed.LastError));
        Assert.Empty(smtp.Messages);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task RunDue_CaseFactsUnreadable_RetriesThenFailsNamingTheCauseAndSendsTheOthers(string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);
        await using LoopbackSmtpServer smtp = LoopbackSmtpServer.Start();
        (Guid broken, _) = await AddResidentCaseAsync(world, null, "en", "broken@example.org");
        (Guid fine, _) = await AddResidentCaseAsync(world, null, "en", "fine@example.org");
        Guid id = await QueueAsync(world, broken, new Notification(Recipient.Resident, null, "case.closed"));
        Guid other = await QueueAsync(world, fine, new Notification(Recipient.Resident, null, "case.closed"));
        await WriteUnknownStatusAsync(world, broken);

        int first = await RunAsync(world, Options(smtp.Port, maxAttempts: 2));
        OutboxNotification afterFirst = await RowAsync(world, id);
        world.Time.Advance(TimeSpan.FromMinutes(1));
        int second = await RunAsync(world, Options(smtp.Port, maxAttempts: 2));
        world.Time.Advance(TimeSpan.FromHours(1));
        int third = await RunAsync(world, Options(smtp.Port, maxAttempts: 2));

        OutboxNotification failed = await RowAsync(world, id);
        Assert.Equal((2, 1, 0), (first, second, third));
        Assert.Equal((NotificationStates.Pending, 1), (afterFirst.State, afterFirst.Attempts));
        Assert.Equal((NotificationStates.Failed, 2), (failed.State, failed.Attempts));
        Assert.Equal("case_facts_unreadable:InvalidOperationException", failed.LastError);
        Assert.Equal(NotificationStates.Sent, (await RowAsync(world, other)).State);
        Assert.Equal("fine@example.org", Assert.Single(Assert.Single(smtp.Messages).To.Mailboxes).Address);
        string audit = Assert.Single(await AuditAsync(world, "notification.failed"));
        Assert.Contains("case_facts_unreadable", audit, StringComparison.Ordinal);
        Assert.DoesNotContain("@", audit, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task RunDue_RoleThatDoesNotExist_FailsAtOnceEvenWhenTheCaseIsUnreadable(string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);
        await using LoopbackSmtpServer smtp = LoopbackSmtpServer.Start();
        (Guid caseId, _) = await AddResidentCaseAsync(world, null, "en", "resident@example.org");
        Guid id = await QueueAsync(world, caseId, new Notification(Recipient.Role, "Janitor", "sla.breached"));
        Guid noTemplate = await QueueAsync(world, caseId, new Notification(Recipient.Resident, null, "case.nope"));
        await WriteUnknownStatusAsync(world, caseId);

        await RunAsync(world, Options(smtp.Port));

        OutboxNotification failed = await RowAsync(world, id);
        OutboxNotification missing = await RowAsync(world, noTemplate);
        Assert.Equal(
            (NotificationStates.Failed, 1, "unknown_recipient"), (failed.State, failed.Attempts, failed.LastError));
        Assert.Equal((NotificationStates.Failed, "template_missing"), (missing.State, missing.LastError));
        Assert.Equal(2, (await AuditAsync(world, "notification.failed")).Count);
        Assert.Empty(smtp.Messages);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task RunDue_StaffRecipients_MailsThoseWithAnAddressAndSkipsTheOthers(string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);
        await using LoopbackSmtpServer smtp = LoopbackSmtpServer.Start();
        Guid agent = await world.AddUserAsync("agent", StaffRole.Agent, "HPD");
        Guid withMail = await world.AddUserAsync("boss", StaffRole.Supervisor, "HPD");
        await world.AddUserAsync("boss2", StaffRole.Supervisor, "HPD");
        await SetEmailAsync(world, withMail, "boss@agency.example.gov");
        (Guid caseId, string reference) = await AddResidentCaseAsync(world, null, "es", null);
        Guid toRole = await QueueAsync(world, caseId, new Notification(Recipient.Role, "Supervisor", "sla.breached"));
        Guid toAgent = await QueueAsync(
            world, caseId, new Notification(Recipient.Assignee, null, "sla.due_soon"), assigneeId: agent);
        Guid toResident = await QueueAsync(world, caseId, new Notification(Recipient.Resident, null, "case.closed"));

        await RunAsync(world, Options(smtp.Port));

        MimeMessage message = Assert.Single(smtp.Messages);
        Assert.Equal("boss@agency.example.gov", Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal($"Case {reference} is past its deadline", message.Subject);
        Assert.Equal(NotificationStates.Sent, (await RowAsync(world, toRole)).State);
        OutboxNotification agentRow = await RowAsync(world, toAgent);
        OutboxNotification residentRow = await RowAsync(world, toResident);
        Assert.Equal((NotificationStates.Skipped, "no_staff_email"), (agentRow.State, agentRow.LastError));
        Assert.Equal((NotificationStates.Skipped, "no_resident_email"), (residentRow.State, residentRow.LastError));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task RunDue_TwoSendersOnOneDatabase_SendEachRowOnce(string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);
        await using LoopbackSmtpServer smtp = LoopbackSmtpServer.Start();
        List<Guid> rows = [];
        for (int i = 0; i < 12; i++)
        {
            (Guid caseId, _) = await AddResidentCaseAsync(world, null, i % 2 == 0 ? "en" : "es", $"r{i}@example.org");
            rows.Add(await QueueAsync(world, caseId, new Notification(Recipient.Resident, null, "case.acknowledged")));
        }

        int[] taken = await Task.WhenAll(
            Task.Run(() => DrainAsync(world, smtp.Port), Ct), Task.Run(() => DrainAsync(world, smtp.Port), Ct));

        Assert.Equal(12, taken.Sum());
        Assert.Equal(12, smtp.Messages.Select(m => m.MessageId).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(12, smtp.Messages.Count);
        await using CivicDeskDbContext db = world.Database.CreateContext();
        Assert.Equal(
            [1],
            await db.Notifications.Where(n => n.State == NotificationStates.Sent).Select(n => n.Attempts)
                .Distinct().ToListAsync(Ct));
    }

    /// <summary>One sender's rounds, each on a context of its own, until a round finds nothing due.</summary>
    private static async Task<int> DrainAsync(StaffWorld world, int port)
    {
        NotificationOptions settings = Options(port);
        settings.BatchSize = 2;
        int total = 0;
        for (int round = await RunAsync(world, settings); round > 0; round = await RunAsync(world, settings))
        {
            total += round;
        }

        return total;
    }

    /// <summary>A status this version cannot read, as a row written by a newer version would hold.</summary>
    private static async Task WriteUnknownStatusAsync(StaffWorld world, Guid caseId)
    {
        await using CivicDeskDbContext db = world.Database.CreateContext();

        // EF Core stores a Guid as upper-case text on SQLite, where a Guid parameter would be bound as a blob.
        object id = db.IsPostgres ? caseId : caseId.ToString().ToUpperInvariant();
        int changed = await db.Database.ExecuteSqlAsync($"UPDATE cases SET status = 'archived_v9' WHERE id = {id}", Ct);
        Assert.Equal(1, changed);
    }

    private static async Task<OutboxNotification> SingleRowAsync(StaffWorld world)
    {
        await using CivicDeskDbContext db = world.Database.CreateContext();
        return await db.Notifications.AsNoTracking().SingleAsync(Ct);
    }
}
