using CivicDesk.Core.Catalog;
using CivicDesk.Core.CaseTypes;
using CivicDesk.Core.Cases;
using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using CivicDesk.Core.Identity;
using CivicDesk.Core.Jurisdictions;
using CivicDesk.Core.Notifications;
using CivicDesk.Core.Notifications.SendNotifications;
using CivicDesk.Core.Tests.Workspace;
using CivicDesk.Workflow.CaseTypes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CivicDesk.Core.Tests.Notifications;

/// <summary>Cases with a resident contact and outbox rows, and senders aimed at a loopback SMTP port.</summary>
internal static class OutboxWorld
{
    public const string FromAddress = "no-reply@civicdesk.test";

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Options of a sender that speaks plain SMTP to 127.0.0.1:<paramref name="port"/>.</summary>
    public static NotificationOptions Options(int port, int maxAttempts = 3) => new()
    {
        SmtpHost = "127.0.0.1",
        SmtpPort = port,
        SmtpSecurity = SmtpSecurity.None,
        FromAddress = FromAddress,
        FromName = "CivicDesk test",
        TrackingBaseUrl = "https://311.example.gov",
        MaxAttempts = maxAttempts,
        RetryDelay = TimeSpan.FromMinutes(1),
        BatchSize = 5,
    };

    /// <summary>A sender on a context of its own, as each process or poller round has.</summary>
    public static OutboxSender Sender(StaffWorld world, CivicDeskDbContext db, NotificationOptions settings)
    {
        IOptions<NotificationOptions> options = Microsoft.Extensions.Options.Options.Create(settings);
        return new OutboxSender(
            db,
            new NotificationFactsReader(db, options),
            new NotificationAddresses(db),
            new SmtpMailTransport(options),
            NotificationTemplates.BuiltIn(),
            options,
            world.Time,
            NullLogger<OutboxSender>.Instance);
    }

    public static async Task<int> RunAsync(StaffWorld world, NotificationOptions settings)
    {
        await using CivicDeskDbContext db = world.Database.CreateContext();
        return await Sender(world, db, settings).RunDueAsync(Ct);
    }

    /// <summary>A heat complaint submitted in <paramref name="language"/> by a resident with this address.</summary>
    public static async Task<(Guid CaseId, string Reference)> AddResidentCaseAsync(
        StaffWorld world,
        PinnedCaseType? caseType,
        string language,
        string? email)
    {
        await using CivicDeskDbContext db = world.Database.CreateContext();
        Service service = await db.Services.SingleAsync(s => s.Code == "heat-hot-water", Ct);
        Queue queue = await db.Queues.FirstAsync(q => q.DepartmentId == service.DepartmentId, Ct);
        NewCase details = new(
            Guid.CreateVersion7(), world.JurisdictionId, service.Id, service.DepartmentId, queue.Id,
            ReferenceNumbers.New(), Channel.Web, "Synthetic test case", new CaseLocation(null, "1 Test Street", null,
            "10007"), CaseAnswers.Empty, null, world.Time.GetCurrentInstant())
        {
            CaseType = caseType,
            Language = language,
        };
        (Case created, CaseEvent first) = Case.Submit(details, Actor.System, Guid.CreateVersion7());
        db.Cases.Add(created);
        db.CaseEvents.Add(first);
        db.CaseContacts.Add(new CaseContact(created.Id, "Test", "Resident", email, null));
        await db.SaveChangesAsync(Ct);
        return (created.Id, created.Reference);
    }

    /// <summary>Writes an outbox row as a transition or escalation would.</summary>
    public static async Task<Guid> QueueAsync(
        StaffWorld world,
        Guid caseId,
        Notification notification,
        Guid? assigneeId = null)
    {
        await using CivicDeskDbContext db = world.Database.CreateContext();
        string language = await db.Cases.Where(c => c.Id == caseId).Select(c => c.Language).SingleAsync(Ct);
        OutboxNotification row = new(
            Guid.CreateVersion7(), caseId, language, notification, assigneeId, "transition:test",
            world.Time.GetCurrentInstant());
        db.Notifications.Add(row);
        await db.SaveChangesAsync(Ct);
        return row.Id;
    }

    public static async Task SetEmailAsync(StaffWorld world, Guid userId, string? email)
    {
        await using CivicDeskDbContext db = world.Database.CreateContext();
        StaffUser user = await db.StaffUsers.SingleAsync(u => u.Id == userId, Ct);
        user.ChangeEmail(email);
        await db.SaveChangesAsync(Ct);
    }

    public static async Task<OutboxNotification> RowAsync(StaffWorld world, Guid id)
    {
        await using CivicDeskDbContext db = world.Database.CreateContext();
        return await db.Notifications.AsNoTracking().SingleAsync(n => n.Id == id, Ct);
    }

    public static async Task<List<string>> AuditAsync(StaffWorld world, string action)
    {
        await using CivicDeskDbContext db = world.Database.CreateContext();
        return await db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == action)
            .Select(a => a.Detail ?? string.Empty)
            .ToListAsync(Ct);
    }
}
