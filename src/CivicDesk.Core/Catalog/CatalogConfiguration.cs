using CivicDesk.Core.Jurisdictions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicDesk.Core.Catalog;

internal sealed class CatalogConfiguration :
    IEntityTypeConfiguration<Service>,
    IEntityTypeConfiguration<ServiceQuestion>,
    IEntityTypeConfiguration<QuestionOption>,
    IEntityTypeConfiguration<LocalizedText>
{
    public void Configure(EntityTypeBuilder<Service> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Code).HasMaxLength(80);
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.Description).HasMaxLength(2000);
        builder.Property(s => s.Group).HasMaxLength(200);
        builder.Property(s => s.Keywords).HasMaxLength(1000);
        builder.HasIndex(s => new { s.JurisdictionId, s.Code }).IsUnique();
        builder.HasOne<Jurisdiction>().WithMany().HasForeignKey(s => s.JurisdictionId);
        builder.HasOne<Department>().WithMany().HasForeignKey(s => s.DepartmentId);
        builder.HasMany(s => s.Questions).WithOne().HasForeignKey(q => q.ServiceId);
        builder.Navigation(s => s.Questions).UsePropertyAccessMode(PropertyAccessMode.Field);
    }

    public void Configure(EntityTypeBuilder<ServiceQuestion> builder)
    {
        builder.HasKey(q => q.Id);
        builder.Property(q => q.Code).HasMaxLength(80);
        builder.Property(q => q.Label).HasMaxLength(500);
        builder.Property(q => q.DatatypeDescription).HasMaxLength(500);
        builder.HasIndex(q => new { q.ServiceId, q.Code }).IsUnique();
        builder.HasMany(q => q.Options).WithOne().HasForeignKey(o => o.QuestionId);
        builder.Navigation(q => q.Options).UsePropertyAccessMode(PropertyAccessMode.Field);
    }

    public void Configure(EntityTypeBuilder<QuestionOption> builder)
    {
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Key).HasMaxLength(200);
        builder.Property(o => o.Name).HasMaxLength(200);
        builder.HasIndex(o => new { o.QuestionId, o.Key }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<LocalizedText> builder)
    {
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Culture).HasMaxLength(20);
        builder.Property(t => t.Key).HasMaxLength(300);
        builder.Property(t => t.Text).HasMaxLength(2000);
        builder.HasIndex(t => new { t.JurisdictionId, t.Culture, t.Key }).IsUnique();
        builder.HasOne<Jurisdiction>().WithMany().HasForeignKey(t => t.JurisdictionId);
    }
}
