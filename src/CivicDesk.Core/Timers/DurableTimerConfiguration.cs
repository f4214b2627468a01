using CivicDesk.Core.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicDesk.Core.Timers;

internal sealed class DurableTimerConfiguration : IEntityTypeConfiguration<DurableTimer>
{
    public void Configure(EntityTypeBuilder<DurableTimer> builder)
    {
        builder.ToTable("timers");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Kind).HasMaxLength(40);
        builder.Property(t => t.Clock).HasMaxLength(40);

        // A staff change that cancels a timer while a poller fires it must not overwrite the fired mark: the
        // later of the two saves fails on this token (staff see the usual edit conflict and try again).
        builder.Property(t => t.State).HasMaxLength(20).IsConcurrencyToken();
        builder.Property(t => t.Payload).HasMaxLength(4000);
        builder.Property(t => t.LastError).HasMaxLength(200);
        builder.Property(t => t.DedupeKey).HasMaxLength(200);

        builder.HasIndex(t => t.DedupeKey).IsUnique();

        // The pollers' one question: which pending timers are due. Fired and cancelled rows stay out of it.
        builder.HasIndex(t => t.DueAt).HasFilter("state = 'pending'");
        builder.HasIndex(t => t.CaseId);
        builder.HasOne<Case>().WithMany().HasForeignKey(t => t.CaseId);
    }
}
