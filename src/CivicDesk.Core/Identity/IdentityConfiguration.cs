using CivicDesk.Core.Jurisdictions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicDesk.Core.Identity;

internal sealed class IdentityConfiguration :
    IEntityTypeConfiguration<StaffUser>,
    IEntityTypeConfiguration<StaffMembership>,
    IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<StaffUser> builder)
    {
        builder.HasKey(u => u.Id);
        builder.Property(u => u.UserName).HasMaxLength(100);
        builder.Property(u => u.DisplayName).HasMaxLength(200);
        builder.Property(u => u.PasswordHash).HasMaxLength(200);
        builder.Property(u => u.SecurityStamp).HasMaxLength(64);
        builder.Property(u => u.TimeZoneId).HasMaxLength(StaffTimeZones.MaxIdLength);
        builder.Property(u => u.Email).HasMaxLength(StaffEmails.MaxLength);
        builder.Property(u => u.Language).HasMaxLength(StaffLanguages.MaxLength)
            .HasDefaultValue(StaffLanguages.Default);
        builder.HasIndex(u => u.UserName).IsUnique();
        builder.HasOne<Jurisdiction>().WithMany().HasForeignKey(u => u.JurisdictionId);
        builder.HasMany(u => u.Memberships).WithOne().HasForeignKey(m => m.UserId);
        builder.Navigation(u => u.Memberships).UsePropertyAccessMode(PropertyAccessMode.Field);
    }

    public void Configure(EntityTypeBuilder<StaffMembership> builder)
    {
        builder.HasKey(m => new { m.UserId, m.DepartmentId });
        builder.HasOne<Department>().WithMany().HasForeignKey(m => m.DepartmentId);
    }

    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Name).HasMaxLength(200);
        builder.Property(k => k.Prefix).HasMaxLength(20);
        builder.Property(k => k.SecretHash).HasMaxLength(64);
        builder.HasIndex(k => k.Prefix).IsUnique();
        builder.Ignore(k => k.IsActive);
        builder.HasOne<Jurisdiction>().WithMany().HasForeignKey(k => k.JurisdictionId);
    }
}
