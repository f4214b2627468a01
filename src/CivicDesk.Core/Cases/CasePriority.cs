namespace CivicDesk.Core.Cases;

/// <summary>
/// A case's priority is a whole number from 1 (most urgent) to <see cref="Lowest"/>, or none. A number rather
/// than an enum, so that a jurisdiction's triage table can use as many levels as it needs within the range
/// without a code change; the NYC demo uses 1 to 3.
/// </summary>
public static class CasePriority
{
    public const int Highest = 1;

    public const int Lowest = 5;

    public static bool IsValid(long value) => value is >= Highest and <= Lowest;
}
