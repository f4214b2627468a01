namespace CivicDesk.Core.Cases;

public enum EventVisibility
{
    /// <summary>Shown to the resident and on public APIs.</summary>
    Public,

    /// <summary>Staff only.</summary>
    Internal,
}
