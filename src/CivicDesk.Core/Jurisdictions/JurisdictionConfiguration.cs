using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicDesk.Core.Jurisdictions;

internal sealed class JurisdictionConfiguration :
    IEntityTypeConfiguration<Jurisdiction>,
    IEntityTypeConfiguration<Department>,
    IEntityTypeConfiguration<Queue>
{
    public void Configure(EntityTypeBuilder<Jurisdiction> builder)
    {
        builder.HasKey(j => j.Id);
        builder.Property(j => j.Code).HasMaxLength(40);
        builder.Property(j => j.Name).HasMaxLength(200);
        builder.Property(j => j.Open311Id).HasMaxLength(200);
        builder.Property(j => j.TimeZoneId).HasMaxLength(64);
        builder.Property(j => j.CountryCode).HasMaxLength(2);
        builder.HasIndex(j => j.Code).IsUnique();
        builder.HasIndex(j => j.Open311Id).IsUnique();
        builder.ComplexProperty(j => j.Bounds, bounds =>
        {
            bounds.Property(b => b.SouthLatitude).HasColumnName("south_latitude");
            bounds.Property(b => b.WestLongitude).HasColumnName("west_longitude");
            bounds.Property(b => b.NorthLatitude).HasColumnName("north_latitude");
            bounds.Property(b => b.EastLongitude).HasColumnName("east_longitude");
        });
    }

    public void Configure(EntityTypeBuilder<Department> builder)
    {
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Code).HasMaxLength(40);
        builder.Property(d => d.Name).HasMaxLength(200);
        builder.HasIndex(d => new { d.JurisdictionId, d.Code }).IsUnique();
        builder.HasOne<Jurisdiction>().WithMany().HasForeignKey(d => d.JurisdictionId);
    }

    public void Configure(EntityTypeBuilder<Queue> builder)
    {
        builder.HasKey(q => q.Id);
        builder.Property(q => q.Code).HasMaxLength(40);
        builder.Property(q => q.Name).HasMaxLength(200);
        builder.HasIndex(q => new { q.DepartmentId, q.Code }).IsUnique();
        builder.HasOne<Department>().WithMany().HasForeignKey(q => q.DepartmentId);
    }
}
