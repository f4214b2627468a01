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

/// <summary>Members of staff get their messages in the language of their own settings, not the resident's.</summary>
public sealed class StaffLanguageTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task RunDue_RoleMembersInTwoLanguages_SendsOneMessagePerLanguageWithItsOwnMessageId(string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);
        await using LoopbackSmtpServer smtp = LoopbackSmtpServer.Start();
        Guid lucia = await world.AddUserAsync("lucia", StaffRole.Supervisor, "HPD");
        Guid mark = await world.AddUserAsync("mark", StaffRole.Supervisor, "HPD");
        await SetEmailAndLanguageAsync(world, lucia, "lucia@agency.example.gov", "es");
        await SetEmailAndLanguageAsync(world, mark, "mark@agency.example.gov", "en");
        (Guid caseId, string reference) = await AddResidentCaseAsync(world, null, "en", null);
        Guid id = await QueueAsync(world, caseId, new Notification(Recipient.Role, "Supervisor", "sla.breached"));

        await RunAsync(world, Options(smtp.Port));

        Assert.Equal(2, smtp.Messages.Count);
        MimeMessage spanish = smtp.Messages.Single(m => m.To.Mailboxes.Single().Address.StartsWith("lucia@",
            StringComparison.Ordinal));
        MimeMessage english = smtp.Messages.Single(m => m.To.Mailboxes.Single().Address.StartsWith("mark@",
            StringComparison.Ordinal));
        Assert.Equal($"El caso {reference} superó su plazo", spanish.Subject);
        Assert.Contains("Estado: recibida.", spanish.TextBody, StringComparison.Ordinal);
        Assert.Equal("es", LanguageOf(spanish));
        Assert.Equal($"Case {reference} is past its deadline", english.Subject);
        Assert.Equal("en", LanguageOf(english));
        Assert.Equal([$"{id:N}.en@civicdesk.test", $"{id:N}.es@civicdesk.test"],
            smtp.Messages.Select(m => m.MessageId).Order(StringComparer.Ordinal));
        Assert.Equal(NotificationStates.Sent, (await RowAsync(world, id)).State);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task RunDue_SpanishAssigneeOfAnEnglishRequest_GetsTheMessageInSpanish(string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);
        await using LoopbackSmtpServer smtp = LoopbackSmtpServer.Start();
        Guid agent = await world.AddUserAsync("agent", StaffRole.Agent, "HPD");
        await SetEmailAndLanguageAsync(world, agent, "agent@agency.example.gov", "es");
        (Guid caseId, string reference) = await AddResidentCaseAsync(world, null, "en", null);
        Guid id = await QueueAsync(
            world, caseId, new Notification(Recipient.Assignee, null, "sla.due_soon"), assigneeId: agent);

        await RunAsync(world, Options(smtp.Port));

        MimeMessage message = Assert.Single(smtp.Messages);
        Assert.Equal($"El caso {reference} vence pronto", message.Subject);
        Assert.Equal("es", LanguageOf(message));
        Assert.Equal($"{id:N}@civicdesk.test", message.MessageId);
    }

    /// <summary>The Content-Language the sender set; a parsed single-part message keeps it on its body.</summary>
    private static string? LanguageOf(MimeMessage message) =>
        message.Headers[HeaderId.ContentLanguage] ?? message.Body?.Headers[HeaderId.ContentLanguage];

    private static async Task SetEmailAndLanguageAsync(StaffWorld world, Guid userId, string email, string language)
    {
        await using CivicDeskDbContext db = world.Database.CreateContext();
        StaffUser user = await db.StaffUsers.SingleAsync(u => u.Id == userId, Ct);
        user.ChangeEmail(email);
        user.ChooseLanguage(language);
        await db.SaveChangesAsync(Ct);
    }
}
