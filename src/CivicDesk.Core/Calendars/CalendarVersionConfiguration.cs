using CivicDesk.Core.Jurisdictions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicDesk.Core.Calendars;

internal sealed class CalendarVersionConfiguration : IEntityTypeConfiguration<CalendarVersion>
{
    public void Configure(EntityTypeBuilder<CalendarVersion> builder)
    {
        builder.ToTable("calendars");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Key).HasMaxLength(100);
        builder.Property(v => v.ContentHash).HasMaxLength(64);
        builder.Property(v => v.PublishedBy).HasMaxLength(200);
        builder.HasIndex(v => new { v.JurisdictionId, v.Key, v.Version }).IsUnique();
        builder.HasOne<Jurisdiction>().WithMany().HasForeignKey(v => v.JurisdictionId);
    }
}
