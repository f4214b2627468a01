using System.Text.Json;
using CivicDesk.Core.Audit;
using CivicDesk.Core.Cases;
using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CivicDesk.Core.Identity.StaffSettings;

/// <summary>
/// Reads and changes a member of staff's own settings (today the time zone the workspace shows times in). A
/// change is audited as <c>staff.settings_changed</c>; saving the same value again changes and audits nothing.
/// </summary>
public sealed class StaffSettingsHandler(
    CivicDeskDbContext db,
    TimeProvider time,
    ILogger<StaffSettingsHandler> logger)
{
    public const string TimeZoneField = "time_zone";

    public async Task<Result<StaffSettingsView>> GetAsync(Guid userId, CancellationToken cancellationToken)
    {
        var found = await db.StaffUsers.AsNoTracking().Where(u => u.Id == userId && u.IsActive)
            .Join(db.Jurisdictions, u => u.JurisdictionId, j => j.Id,
                (u, j) => new { u.TimeZoneId, Zone = j.TimeZoneId, u.Language })
            .SingleOrDefaultAsync(cancellationToken);
        return found is null
            ? new NotFound("Staff user")
            : View(found.TimeZoneId, found.Zone, found.Language);
    }

    public async Task<Result<StaffSettingsView>> ChangeAsync(
        ChangeStaffSettings request,
        CancellationToken cancellationToken)
    {
        string? zoneId = request.KeepTimeZone || string.IsNullOrWhiteSpace(request.TimeZoneId)
            ? null
            : request.TimeZoneId.Trim();
        if (zoneId is not null && !StaffTimeZones.IsKnown(zoneId))
        {
            return ValidationFailed.Single(
                TimeZoneField, "unknown", "Choose a time zone of the tz database, such as America/Chicago.");
        }

        string? language = StaffLanguages.Normalise(request.Language);
        if (language is not null && !StaffLanguages.IsSupported(language))
        {
            return ValidationFailed.Single(StaffLanguages.Field, "unsupported", "Choose en or es.");
        }

        StaffUser? user = await db.StaffUsers
            .SingleOrDefaultAsync(u => u.Id == request.UserId && u.IsActive, cancellationToken);
        if (user is null)
        {
            return new NotFound("Staff user");
        }

        string jurisdictionZone = await db.Jurisdictions.Where(j => j.Id == user.JurisdictionId)
            .Select(j => j.TimeZoneId).SingleAsync(cancellationToken);
        language ??= user.Language;
        zoneId = request.KeepTimeZone ? user.TimeZoneId : zoneId;
        if (user.TimeZoneId == zoneId && user.Language == language)
        {
            return View(zoneId, jurisdictionZone, language);
        }

        string? previous = user.TimeZoneId;
        string previousLanguage = user.Language;
        user.ChooseTimeZone(zoneId);
        user.ChooseLanguage(language);
        Actor actor = new(ActorKind.Staff, user.Id, user.UserName, request.Address);
        db.AuditEntries.Add(new AuditEntry(
            time.NewId(), time.GetCurrentInstant(), actor, "staff.settings_changed", "staff_user", user.Id)
        {
            Detail = JsonSerializer.Serialize(new
            {
                time_zone = new { from = previous, to = zoneId },
                language = new { from = previousLanguage, to = language },
            }),
        });
        await db.SaveChangesAsync(cancellationToken);
        Log.SettingsChanged(logger, user.Id);
        return View(zoneId, jurisdictionZone, language);
    }

    private static StaffSettingsView View(string? zoneId, string jurisdictionZone, string language) =>
        new(zoneId, jurisdictionZone, StaffTimeZones.Resolve(zoneId, jurisdictionZone)) { Language = language };
}
