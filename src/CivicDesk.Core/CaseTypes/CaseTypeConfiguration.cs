using CivicDesk.Core.Jurisdictions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicDesk.Core.CaseTypes;

internal sealed class CaseTypeConfiguration : IEntityTypeConfiguration<CaseTypeVersion>
{
    public void Configure(EntityTypeBuilder<CaseTypeVersion> builder)
    {
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Key).HasMaxLength(100);
        builder.Property(v => v.ContentHash).HasMaxLength(64);
        builder.Property(v => v.PublishedBy).HasMaxLength(200);
        builder.Ignore(v => v.Pin);
        builder.HasIndex(v => new { v.JurisdictionId, v.Key, v.Version }).IsUnique();
        builder.HasOne<Jurisdiction>().WithMany().HasForeignKey(v => v.JurisdictionId);
    }
}
