using System.ComponentModel.DataAnnotations;

namespace CivicDesk.Core.Sla;

/// <summary>
/// The SLA every case gets until case types say otherwise. Bound to the <c>Sla</c> configuration section.
/// The calendar is Monday to Friday from <see cref="Opens"/> to <see cref="Closes"/> in the jurisdiction's time
/// zone, without holidays.
/// </summary>
public sealed class SlaOptions : IValidatableObject
{
    public const string SectionName = "Sla";

    /// <summary>False gives cases no clock, so no SLA timers are scheduled.</summary>
    public bool Enabled { get; set; } = true;

    [Required]
    [RegularExpression("^[a-z][a-z0-9-]{0,39}$")]
    public string ClockId { get; set; } = "resolution";

    /// <summary>Business days from the case's creation to its deadline (the close of business of the last).</summary>
    [Range(1, 365)]
    public int BusinessDays { get; set; } = 5;

    public TimeOnly Opens { get; set; } = new(9, 0);

    public TimeOnly Closes { get; set; } = new(17, 0);

    /// <summary>Business hours before the deadline at which a warning fires; 0 for none.</summary>
    [Range(0, 24)]
    public int WarningBusinessHours { get; set; } = 1;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Opens >= Closes)
        {
            yield return new ValidationResult("Sla:Opens must be before Sla:Closes.", [nameof(Opens), nameof(Closes)]);
        }
    }
}
