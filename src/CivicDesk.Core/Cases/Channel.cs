namespace CivicDesk.Core.Cases;

/// <summary>The door through which a request arrived.</summary>
public enum Channel
{
    Web,
    Phone,
    Mobile,
    Email,
    Sms,

    /// <summary>A partner system through an API such as Open311.</summary>
    Api,
    Other,
}
