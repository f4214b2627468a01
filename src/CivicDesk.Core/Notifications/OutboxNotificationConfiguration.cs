using CivicDesk.Core.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicDesk.Core.Notifications;

internal sealed class OutboxNotificationConfiguration : IEntityTypeConfiguration<OutboxNotification>
{
    public void Configure(EntityTypeBuilder<OutboxNotification> builder)
    {
        builder.ToTable("notifications");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.RecipientKind).HasMaxLength(20);
        builder.Property(n => n.Role).HasMaxLength(40);
        builder.Property(n => n.TemplateKey).HasMaxLength(100);
        builder.Property(n => n.Language).HasMaxLength(10);
        builder.Property(n => n.Source).HasMaxLength(120);
        builder.Property(n => n.State).HasMaxLength(20);
        builder.Property(n => n.LastError).HasMaxLength(200);

        // The sender's one question: which pending rows may be taken now. Sent, failed and skipped rows stay out.
        builder.HasIndex(n => n.NextAttemptAt).HasFilter("state = 'pending'");
        builder.HasIndex(n => n.CaseId);
        builder.HasOne<Case>().WithMany().HasForeignKey(n => n.CaseId);
    }
}
