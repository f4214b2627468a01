namespace CivicDesk.Core.Cases;

/// <summary>Where a case stands. Stored as its name, so the workflow work can add states without renumbering.</summary>
public enum CaseStatus
{
    /// <summary>Received, not yet looked at by staff.</summary>
    New,

    /// <summary>Acknowledged and waiting to be worked.</summary>
    Open,

    InProgress,

    /// <summary>Waiting on the resident or on another party.</summary>
    OnHold,

    Closed,

    /// <summary>Closed without action, for example as a duplicate or at the resident's request.</summary>
    Cancelled,

    /// <summary>Closed here because another agency owns it.</summary>
    Referred,
}
