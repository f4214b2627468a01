using CivicDesk.Core.Audit;
using CivicDesk.Core.Calendars;
using CivicDesk.Core.Cases;
using CivicDesk.Core.CaseTypes;
using CivicDesk.Core.Catalog;
using CivicDesk.Core.Identity;
using CivicDesk.Core.Imports;
using CivicDesk.Core.Jurisdictions;
using CivicDesk.Core.Notifications;
using CivicDesk.Core.Sla;
using CivicDesk.Core.Timers;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CivicDesk.Core.Data;

/// <summary>The one EF Core model of CivicDesk. Each feature configures its own entities.</summary>
public sealed class CivicDeskDbContext(DbContextOptions<CivicDeskDbContext> options) : DbContext(options)
{
    public DbSet<Jurisdiction> Jurisdictions => Set<Jurisdiction>();

    public DbSet<Department> Departments => Set<Department>();

    public DbSet<Queue> Queues => Set<Queue>();

    public DbSet<Service> Services => Set<Service>();

    public DbSet<ServiceQuestion> ServiceQuestions => Set<ServiceQuestion>();

    public DbSet<LocalizedText> LocalizedTexts => Set<LocalizedText>();

    public DbSet<Case> Cases => Set<Case>();

    public DbSet<CaseEvent> CaseEvents => Set<CaseEvent>();

    public DbSet<CaseContact> CaseContacts => Set<CaseContact>();

    public DbSet<CaseAttachment> CaseAttachments => Set<CaseAttachment>();

    public DbSet<StaffUser> StaffUsers => Set<StaffUser>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<ImportRun> ImportRuns => Set<ImportRun>();

    public DbSet<CaseTypeVersion> CaseTypeVersions => Set<CaseTypeVersion>();

    public DbSet<DurableTimer> Timers => Set<DurableTimer>();

    public DbSet<CalendarVersion> Calendars => Set<CalendarVersion>();

    public DbSet<CaseSlaClock> CaseSlaClocks => Set<CaseSlaClock>();

    /// <summary>The outbox of messages to send about cases; see <see cref="OutboxNotification"/>.</summary>
    public DbSet<OutboxNotification> Notifications => Set<OutboxNotification>();

    public bool IsPostgres => Database.ProviderName == DatabaseProviders.PostgresProviderName;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no instant type and cannot order DateTimeOffset in SQL, so instants are stored as
        // UTC ticks there; PostgreSQL keeps them as timestamptz.
        if (IsPostgres)
        {
            configurationBuilder.Properties<Instant>().HaveConversion<InstantToUtcDateTimeConverter>();
        }
        else
        {
            configurationBuilder.Properties<Instant>().HaveConversion<InstantToTicksConverter>();
        }

        configurationBuilder.Properties<CaseStatus>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<Channel>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<ActorKind>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<CaseEventKind>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<EventVisibility>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<StaffRole>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<QuestionDatatype>().HaveConversion<string>().HaveMaxLength(20);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CivicDeskDbContext).Assembly);
        SnakeCaseNames.Apply(modelBuilder);
    }
}
