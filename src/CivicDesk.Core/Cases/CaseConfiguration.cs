using CivicDesk.Core.Catalog;
using CivicDesk.Core.Jurisdictions;
using CivicDesk.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicDesk.Core.Cases;

internal sealed class CaseConfiguration :
    IEntityTypeConfiguration<Case>,
    IEntityTypeConfiguration<CaseEvent>,
    IEntityTypeConfiguration<CaseContact>,
    IEntityTypeConfiguration<CaseAttachment>
{
    public void Configure(EntityTypeBuilder<Case> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Reference).HasMaxLength(40);
        builder.Property(c => c.Description).HasMaxLength(4000);
        builder.Property(c => c.Address).HasMaxLength(400);
        builder.Property(c => c.AddressId).HasMaxLength(100);
        builder.Property(c => c.ZipCode).HasMaxLength(20);
        builder.Property(c => c.MediaUrl).HasMaxLength(2000);
        builder.Property(c => c.StatusNote).HasMaxLength(4000);
        builder.Property(c => c.SourceSystem).HasMaxLength(40);
        builder.Property(c => c.SourceKey).HasMaxLength(100);
        builder.Property(c => c.SubmissionKey).HasMaxLength(100);
        builder.Property(c => c.CaseTypeKey).HasMaxLength(100);
        builder.Property(c => c.CaseTypeHash).HasMaxLength(64);
        // Writers that name their columns (the importer's bulk SQL) and leave this one out get the default language.
        builder.Property(c => c.Language).HasMaxLength(10).HasDefaultValue(ResidentLanguages.Default);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Property(c => c.Answers)
            .HasConversion(a => a.ToJson(), json => CaseAnswers.FromJson(json))
            .Metadata.SetValueComparer(new ValueComparer<CaseAnswers>(
                (left, right) => Equals(left, right),
                answers => answers.GetHashCode(),
                answers => answers));
        builder.Ignore(c => c.Point);
        builder.Ignore(c => c.IsOpen);

        builder.HasIndex(c => new { c.JurisdictionId, c.Reference }).IsUnique();
        builder.HasIndex(c => new { c.SourceSystem, c.SourceKey }).IsUnique().HasFilter("source_key IS NOT NULL");
        builder.HasIndex(c => new { c.JurisdictionId, c.SubmissionKey })
            .IsUnique()
            .HasFilter("submission_key IS NOT NULL");
        builder.HasIndex(c => new { c.JurisdictionId, c.CreatedAt });
        builder.HasIndex(c => new { c.DepartmentId, c.Status, c.CreatedAt });
        builder.HasIndex(c => new { c.ServiceId, c.CreatedAt });
        builder.HasIndex(c => c.UpdatedAt);
        builder.HasIndex(c => new { c.JurisdictionId, c.CaseTypeKey, c.CaseTypeVersion, c.Status });

        builder.HasOne<Jurisdiction>().WithMany().HasForeignKey(c => c.JurisdictionId);
        builder.HasOne<Service>().WithMany().HasForeignKey(c => c.ServiceId);
        builder.HasOne<Department>().WithMany().HasForeignKey(c => c.DepartmentId);
        builder.HasOne<Queue>().WithMany().HasForeignKey(c => c.QueueId);
    }

    public void Configure(EntityTypeBuilder<CaseEvent> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.ActorLabel).HasMaxLength(200);
        builder.Property(e => e.Text).HasMaxLength(4000);
        builder.HasIndex(e => new { e.CaseId, e.At });
        builder.HasOne<Case>().WithMany().HasForeignKey(e => e.CaseId);
    }

    public void Configure(EntityTypeBuilder<CaseContact> builder)
    {
        builder.HasKey(c => c.CaseId);
        builder.Property(c => c.FirstName).HasMaxLength(100);
        builder.Property(c => c.LastName).HasMaxLength(100);
        builder.Property(c => c.Email).HasMaxLength(254);
        builder.Property(c => c.PhoneE164).HasMaxLength(16);
        builder.HasOne<Case>().WithOne().HasForeignKey<CaseContact>(c => c.CaseId);
    }

    public void Configure(EntityTypeBuilder<CaseAttachment> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.FileName).HasMaxLength(200);
        builder.Property(a => a.ContentType).HasMaxLength(100);
        builder.Property(a => a.Sha256).HasMaxLength(64);
        builder.Property(a => a.StorageKey).HasMaxLength(200);
        builder.HasIndex(a => a.CaseId);
        builder.HasOne<Case>().WithMany().HasForeignKey(a => a.CaseId);
    }
}
