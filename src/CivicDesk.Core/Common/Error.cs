namespace CivicDesk.Core.Common;

/// <summary>An expected failure of a use case. The host maps each kind to one problem type.</summary>
public abstract record Error(string Title);

/// <summary>The record does not exist, or the caller may not know that it exists.</summary>
public sealed record NotFound(string Resource) : Error($"{Resource} was not found.");

/// <summary>The caller is known but may not take this action.</summary>
public sealed record Forbidden(string Reason) : Error(Reason);

/// <summary>One or more inputs were rejected; each names the field it belongs to.</summary>
public sealed record ValidationFailed(IReadOnlyList<FieldError> Errors) : Error("The request has invalid fields.")
{
    public static ValidationFailed Single(string field, string code, string message) =>
        new([new FieldError(field, code, message)]);
}

/// <summary>One rejected input: the field's name in the caller's terms, a stable code and a message.</summary>
public sealed record FieldError(string Field, string Code, string Message);

/// <summary>
/// The record changed since the caller read it. Carries the current values so the caller can show
/// both versions and keep what the user typed. Each value has its own type: a string, an <see cref="int"/>, a
/// <see cref="bool"/>, a <see cref="Guid"/>, a NodaTime <c>Instant</c>, or null; hosts write instants in ISO 8601.
/// </summary>
public sealed record EditConflict(int CurrentVersion, IReadOnlyDictionary<string, object?> CurrentValues)
    : Error("The case was changed by someone else since you opened it.");
