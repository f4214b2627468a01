using CivicDesk.Core.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicDesk.Core.Sla;

internal sealed class CaseSlaClockConfiguration : IEntityTypeConfiguration<CaseSlaClock>
{
    public void Configure(EntityTypeBuilder<CaseSlaClock> builder)
    {
        builder.ToTable("case_sla_clocks");
        builder.HasKey(c => new { c.CaseId, c.ClockId });
        builder.Property(c => c.ClockId).HasMaxLength(40);
        builder.Property(c => c.State).HasMaxLength(20);
        builder.Property(c => c.CalendarKey).HasMaxLength(100);

        // The queue's SLA filter asks "which cases have a clock in this state".
        builder.HasIndex(c => new { c.State, c.CaseId });
        builder.HasOne<Case>().WithMany().HasForeignKey(c => c.CaseId);

        // PostgreSQL: a fifth of each page is left free so that rewriting a row (a moved deadline, a warning that
        // fired) can keep the new version on the same page without touching the indexes (a heap-only update) as
        // long as its state stays the same. Full pages made every such update write a new index entry in both
        // indexes. SQLite has no such setting and ignores it.
        builder.HasStorageParameter("fillfactor", 80);
    }
}
