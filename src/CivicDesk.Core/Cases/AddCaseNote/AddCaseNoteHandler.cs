using CivicDesk.Core.Cases.Changes;
using CivicDesk.Core.Common;

namespace CivicDesk.Core.Cases.AddCaseNote;

/// <summary>Appends a note. The audit entry records that a note was added and its visibility, never its text.</summary>
public sealed class AddCaseNoteHandler(CaseChanges changes)
{
    public const int MaxLength = 4000;

    public async Task<Result<CaseChanged>> HandleAsync(AddCaseNote request, CancellationToken cancellationToken)
    {
        string text = request.Text?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            return ValidationFailed.Single("text", "required", "Write the note.");
        }

        if (text.Length > MaxLength)
        {
            return ValidationFailed.Single("text", "too_long", $"A note may hold at most {MaxLength} characters.");
        }

        if (TextCharacters.Check("text", text) is FieldError unreadable)
        {
            return new ValidationFailed([unreadable]);
        }

        Result<CaseEdit> begun = await changes.BeginAsync(
            request.Caller, request.CaseId, request.ExpectedVersion, cancellationToken);
        if (!begun.TryGetValue(out CaseEdit? edit, out Error? error))
        {
            return error;
        }

        CaseEvent note = edit.Case.AddNote(text, request.Visibility, edit.Scope.Actor, changes.NewId(), edit.Now);
        var detail = new
        {
            eventId = note.Id,
            visibility = request.Visibility.ToString().ToLowerInvariant(),
            version = edit.Case.Version,
        };
        return await changes.CommitAsync(edit, note, "case.note_added", detail, cancellationToken);
    }
}
