using System.Globalization;
using CivicDesk.Core.Cases;
using CivicDesk.Core.Cases.AddCaseNote;
using CivicDesk.Core.Cases.AssignCase;
using CivicDesk.Core.Cases.ChangeCaseStatus;
using CivicDesk.Core.Cases.Changes;
using CivicDesk.Core.Cases.GetCase;
using CivicDesk.Core.Cases.OverrideRouting;
using CivicDesk.Core.Cases.ReadCaseContact;
using CivicDesk.Core.Common;
using CivicDesk.Web.Security;
using CivicDesk.Web.Workspace.Forms;
using Microsoft.AspNetCore.Components;

namespace CivicDesk.Web.Workspace.Pages;

/// <summary>
/// One case for staff: details, timeline and the actions (assign, status, note and, for supervisors, routing) as
/// plain forms carrying the version the
/// user saw. A refused save re-renders the page with the other user's values and everything typed kept.
/// </summary>
public sealed partial class CasePage
{
    [Parameter]
    public Guid Id { get; set; }

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    [Inject]
    private GetCaseHandler Cases { get; set; } = default!;

    [Inject]
    private AssignCaseHandler Assigner { get; set; } = default!;

    [Inject]
    private ChangeCaseStatusHandler StatusChanger { get; set; } = default!;

    [Inject]
    private AddCaseNoteHandler Notes { get; set; } = default!;

    [Inject]
    private ReadCaseContactHandler Contacts { get; set; } = default!;

    [Inject]
    private OverrideRoutingHandler Router { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [SupplyParameterFromForm(FormName = "assign")]
    private AssignForm? Assign { get; set; }

    [SupplyParameterFromForm(FormName = "status")]
    private StatusForm? Status { get; set; }

    [SupplyParameterFromForm(FormName = "note")]
    private NoteForm? Note { get; set; }

    [SupplyParameterFromForm(FormName = "routing")]
    private RoutingForm? Routing { get; set; }

    [SupplyParameterFromForm(FormName = "contact")]
    private ContactForm? Contact { get; set; }

    [SupplyParameterFromQuery(Name = "done")]
    private string? Done { get; set; }

    private CaseDetails? Details { get; set; }

    private ContactDetails? ContactShown { get; set; }

    private EditConflict? Conflict { get; set; }

    /// <summary>Which form the conflict or the errors belong to: assign, status or note.</summary>
    private string? FailedForm { get; set; }

    private IReadOnlyList<FieldError> Errors { get; set; } = [];

    protected override async Task OnInitializedAsync()
    {
        await LoadAsync();
        if (Details is null)
        {
            return;
        }

        int version = Details.Case.Version;
        Assign ??= new AssignForm { Version = version, AssigneeId = string.Empty };
        Status ??= new StatusForm { Version = version };
        Note ??= new NoteForm { Version = version };
        Routing ??= new RoutingForm
        {
            Version = version,
            Department = Details.DepartmentCode,
            Priority = Details.Case.Priority?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    private async Task LoadAsync()
    {
        Result<CaseDetails> result = await Cases.HandleAsync(StaffClaims.Caller(HttpContext), Id,
            CultureInfo.CurrentUICulture.Name, HttpContext.RequestAborted);
        Details = result.TryGetValue(out CaseDetails? details, out _) ? details : null;
        if (Details is null)
        {
            // A missing case and one outside the caller's scope answer alike: 404, which the workspace turns
            // into its not-found page (WorkspaceSetup.UseWorkspaceNotFound).
            HttpContext.Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }

    private async Task AssignAsync()
    {
        Guid? assignee = null;
        if (!string.IsNullOrEmpty(Assign!.AssigneeId))
        {
            if (!Guid.TryParse(Assign.AssigneeId, out Guid parsed))
            {
                await RefuseAsync("assign",
                    ValidationFailed.Single(AssignCaseHandler.Field, "invalid", "Choose a person."));
                return;
            }

            assignee = parsed;
        }

        AssignCase request = new(StaffClaims.Caller(HttpContext), Id, Assign.Version, assignee);
        Result<CaseChanged> result = await Assigner.HandleAsync(request, HttpContext.RequestAborted);
        await AfterAsync("assign", "assigned", result, version => Assign.Version = version);
    }

    private async Task ChangeStatusAsync()
    {
        ChangeCaseStatus request;
        if (Details?.Transitions is { } offered)
        {
            if (string.IsNullOrEmpty(Status!.Transition))
            {
                await RefuseAsync("status", ValidationFailed.Single("transition", "required", "Choose a move."));
                return;
            }

            // Only the fields the chosen move needs are sent; the others stay typed in the form.
            TransitionChoice? chosen = offered.FirstOrDefault(t => t.Id == Status.Transition);
            request = new(StaffClaims.Caller(HttpContext), Id, Status.Version, null, Status.Note)
            {
                Transition = Status.Transition,
                Fields = Status.Fields
                    .Where(f => chosen is null || chosen.RequiredFields.Contains(f.Key, StringComparer.Ordinal))
                    .Where(f => !string.IsNullOrWhiteSpace(f.Value))
                    .ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal),
            };
        }
        else if (CaseStatusExtensions.TryParseCode(Status!.Status, out CaseStatus status))
        {
            request = new(StaffClaims.Caller(HttpContext), Id, Status.Version, status, Status.Note);
        }
        else
        {
            await RefuseAsync("status", ValidationFailed.Single("status", "required", "Choose a status."));
            return;
        }

        Result<CaseChanged> result = await StatusChanger.HandleAsync(request, HttpContext.RequestAborted);
        await AfterAsync("status", "status", result, version => Status.Version = version);
    }

    /// <summary>The hint of a field input: the moves that need it, then the workspace's hint for it.</summary>
    private string? FieldHint(string field, IReadOnlyList<TransitionChoice> offered)
    {
        string[] needing =
            [.. offered.Where(t => t.RequiredFields.Contains(field)).Select(t => StaffText.Label(t.Label))];
        string neededFor = needing.Length == 0
            ? string.Empty
            : string.Format(CultureInfo.CurrentCulture, T["FieldNeededFor"], string.Join(", ", needing));
        string hint = string.Join(
            " ", new[] { neededFor, T.FieldHint(field) ?? string.Empty }.Where(h => h.Length > 0));
        return hint.Length == 0 ? null : hint;
    }

    /// <summary>
    /// "en" for a routing choice whose name is left in the catalogue's source text on a page in another language,
    /// else null (no mark): <paramref name="choice"/> is a department code, or department and queue codes joined by a
    /// slash.
    /// </summary>
    private string? SourceLanguageOf(string choice) =>
        Details!.UntranslatedRoutingNames.Contains(choice) ? "en" : null;

    /// <summary>
    /// The field inputs of the status form: those the offered transitions need, then any other the user typed
    /// (a refused or conflicting save keeps everything typed, even when the moves offered have changed).
    /// </summary>
    private IReadOnlyList<string> TransitionFields(IReadOnlyList<TransitionChoice> offered) =>
    [
        .. offered.SelectMany(t => t.RequiredFields)
            .Concat(Status!.Fields.Where(f => !string.IsNullOrWhiteSpace(f.Value)).Select(f => f.Key))
            .Distinct(StringComparer.Ordinal),
    ];

    private async Task AddNoteAsync()
    {
        EventVisibility visibility = Note!.Visibility == "public" ? EventVisibility.Public : EventVisibility.Internal;
        AddCaseNote request = new(StaffClaims.Caller(HttpContext), Id, Note.Version, Note.Text, visibility);
        Result<CaseChanged> result = await Notes.HandleAsync(request, HttpContext.RequestAborted);
        await AfterAsync("note", "note", result, version => Note.Version = version);
    }

    private async Task OverrideRoutingAsync()
    {
        int? priority = null;
        if (!string.IsNullOrEmpty(Routing!.Priority))
        {
            if (!int.TryParse(Routing.Priority, System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out int level))
            {
                await RefuseAsync("routing", ValidationFailed.Single(
                    OverrideRoutingHandler.PriorityField, "invalid", "Choose a priority."));
                return;
            }

            priority = level;
        }

        OverrideRouting request = new(
            StaffClaims.Caller(HttpContext), Id, Routing.Version,
            string.IsNullOrEmpty(Routing.Department) ? null : Routing.Department,
            string.IsNullOrEmpty(Routing.Queue) ? null : Routing.Queue,
            ChangePriority: true, priority, Routing.Reason);
        Result<CaseChanged> result = await Router.HandleAsync(request, HttpContext.RequestAborted);
        await AfterAsync("routing", "routing", result, version => Routing.Version = version);
    }

    private async Task ShowContactAsync()
    {
        Result<ContactDetails> result = await Contacts.HandleAsync(
            StaffClaims.Caller(HttpContext), Id, HttpContext.RequestAborted);
        ContactShown = result.TryGetValue(out ContactDetails? contact, out _) ? contact : null;
    }

    private async Task AfterAsync(string form, string done, Result<CaseChanged> result, Action<int> rebase)
    {
        if (result.IsSuccess)
        {
            Navigation.NavigateTo($"/staff/cases/{Id}?done={done}#timeline");
            return;
        }

        if (result.Error is EditConflict conflict)
        {
            // The typed values stay in the posted form; only its version moves on, so that submitting
            // again applies the change to the version now shown.
            rebase(conflict.CurrentVersion);
        }

        await RefuseAsync(form, result.Error);
    }

    private async Task RefuseAsync(string form, Error error)
    {
        FailedForm = form;
        await LoadAsync();
        if (Details is null)
        {
            return;
        }

        if (form == "status" && Details.Transitions is not null && error is ValidationFailed pinned)
        {
            // A case worked by a case type has no status list: its status errors belong to the move chosen.
            error = new ValidationFailed(
                [.. pinned.Errors.Select(e => e.Field == "status" ? e with { Field = "transition" } : e)]);
        }

        (Conflict, Errors, int status) = error switch
        {
            EditConflict conflict => (conflict, [], StatusCodes.Status409Conflict),
            ValidationFailed invalid => (null, invalid.Errors, StatusCodes.Status400BadRequest),
            Forbidden forbidden => (null, [new FieldError(FieldOf(form), "forbidden", forbidden.Title)], 403),
            _ => ((EditConflict?)null, (IReadOnlyList<FieldError>)[], StatusCodes.Status400BadRequest),
        };
        HttpContext.Response.StatusCode = status;
    }

    private string FieldOf(string form) => form switch
    {
        "assign" => AssignCaseHandler.Field,
        "status" => Details?.Transitions is null ? "status" : "transition",
        "routing" => OverrideRoutingHandler.ReasonField,
        _ => "text",
    };
}
