namespace CivicDesk.Workflow.Calendars;

/// <summary>Which day an agency takes off when a holiday falls on a weekend.</summary>
public enum ObservedRule
{
    /// <summary>Only the holiday's own date is closed.</summary>
    None,

    /// <summary>A Saturday holiday is also observed on the Friday before, a Sunday one on the Monday after.</summary>
    FridayOrMonday,

    /// <summary>A Sunday holiday is also observed on the Monday after; a Saturday one is not moved.</summary>
    MondayOnly,
}
