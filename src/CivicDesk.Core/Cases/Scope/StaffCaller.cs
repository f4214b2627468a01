namespace CivicDesk.Core.Cases.Scope;

/// <summary>The signed-in staff user behind a request, and the network address it came from.</summary>
public sealed record StaffCaller(Guid UserId, string? Address);
