using CivicDesk.Core.Cases;
using CivicDesk.Core.Catalog;
using CivicDesk.Core.Common;
using CivicDesk.Core.Data;
using CivicDesk.Core.Identity.IssueApiKey;
using CivicDesk.Core.Identity.RevokeApiKey;
using CivicDesk.Core.Jurisdictions;
using CivicDesk.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace CivicDesk.Web.Tests.Open311;

/// <summary>Synthetic data for the Open311 tests: keys, a service with every datatype, and dated cases.</summary>
internal static class Open311TestData
{
    public const string MultiService = "test-every-datatype";
    public const string Descriptor = "descriptor";

    public static async Task<IssuedApiKey> IssueKeyAsync(WebAppFixture app, string name = "Test partner")
    {
        await using AsyncServiceScope scope = app.CreateScope();
        IssueApiKeyHandler issue = scope.ServiceProvider.GetRequiredService<IssueApiKeyHandler>();
        Result<IssuedApiKey> issued = await issue.HandleAsync(
            new IssueApiKey("nyc", name, Actor.System), TestContext.Current.CancellationToken);
        return issued.Value;
    }

    public static async Task RevokeAsync(WebAppFixture app, string prefix)
    {
        await using AsyncServiceScope scope = app.CreateScope();
        RevokeApiKeyHandler revoke = scope.ServiceProvider.GetRequiredService<RevokeApiKeyHandler>();
        Result<RevokedApiKey> revoked = await revoke.HandleAsync(
            new RevokeApiKey(prefix, Actor.System), TestContext.Current.CancellationToken);
        Assert.True(revoked.IsSuccess);
    }

    /// <summary>Adds, once, a service whose questions cover every Open311 datatype.</summary>
    public static async Task EnsureMultiServiceAsync(WebAppFixture app)
    {
        await using AsyncServiceScope scope = app.CreateScope();
        CivicDeskDbContext db = scope.ServiceProvider.GetRequiredService<CivicDeskDbContext>();
        CancellationToken cancellationToken = TestContext.Current.CancellationToken;
        if (await db.Services.AnyAsync(s => s.Code == MultiService, cancellationToken))
        {
            return;
        }

        Jurisdiction nyc = await db.Jurisdictions.SingleAsync(j => j.Code == "nyc", cancellationToken);
        Guid department = await db.Departments.Where(d => d.Code == "DSNY")
            .Select(d => d.Id).SingleAsync(cancellationToken);
        Service service = new(
            Guid.NewGuid(), nyc.Id, department, MultiService, "Test: every datatype", "Synthetic test service.",
            "Testing", "test", isActive: true, rank: 999);
        ServiceQuestion hazards = new(
            Guid.NewGuid(), "hazards", "Which hazards?", QuestionDatatype.MultiValueList, true, 1, "Pick any");
        hazards.AddOption(new QuestionOption(Guid.NewGuid(), "GLASS", "Broken glass", 1));
        hazards.AddOption(new QuestionOption(Guid.NewGuid(), "OIL", "Oil spill", 2));
        hazards.AddOption(new QuestionOption(Guid.NewGuid(), "SHARPS", "Needles", 3));
        service.AddQuestion(hazards);
        service.AddQuestion(Optional("bags", "How many bags?", QuestionDatatype.Number, 2));
        service.AddQuestion(Optional("seen_at", "When was it seen?", QuestionDatatype.Datetime, 3));
        service.AddQuestion(Optional("notes", "Anything else?", QuestionDatatype.Text, 4));
        db.Services.Add(service);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static ServiceQuestion Optional(string code, string label, QuestionDatatype datatype, int order) =>
        new(Guid.NewGuid(), code, label, datatype, isRequired: false, order, string.Empty);

    /// <summary>Stores a case received at <paramref name="createdAt"/>, closed at <paramref name="closedAt"/>.
    /// </summary>
    public static async Task<Case> AddCaseAsync(
        WebAppFixture app,
        string serviceCode,
        Instant createdAt,
        Instant? closedAt = null,
        CaseLocation? location = null)
    {
        await using AsyncServiceScope scope = app.CreateScope();
        CivicDeskDbContext db = scope.ServiceProvider.GetRequiredService<CivicDeskDbContext>();
        CancellationToken cancellationToken = TestContext.Current.CancellationToken;
        Service service = await db.Services.SingleAsync(s => s.Code == serviceCode, cancellationToken);
        Guid queue = await db.Queues.Where(q => q.DepartmentId == service.DepartmentId)
            .Select(q => q.Id).FirstAsync(cancellationToken);
        NewCase details = new(
            Guid.CreateVersion7(), service.JurisdictionId, service.Id, service.DepartmentId, queue,
            ReferenceNumbers.New(), Channel.Phone, "Synthetic case.",
            location ?? new CaseLocation(new GeoPoint(40.75, -73.98), "1 Test Street", null, "10001"),
            CaseAnswers.Empty, null, createdAt);
        (Case created, CaseEvent first) = Case.Submit(details, Actor.System, Guid.CreateVersion7());
        db.Cases.Add(created);
        db.CaseEvents.Add(first);
        if (closedAt is Instant closed)
        {
            db.CaseEvents.Add(created.ChangeStatus(
                CaseStatus.Closed, "Resolved by the test.", Actor.System, Guid.CreateVersion7(), closed));
        }

        await db.SaveChangesAsync(cancellationToken);
        return created;
    }

    /// <summary>Applies one change to a stored case, as a staff action would, and saves it with its event.</summary>
    public static async Task ChangeCaseAsync(WebAppFixture app, Guid caseId, Func<Case, CaseEvent> change)
    {
        await using AsyncServiceScope scope = app.CreateScope();
        CivicDeskDbContext db = scope.ServiceProvider.GetRequiredService<CivicDeskDbContext>();
        CancellationToken cancellationToken = TestContext.Current.CancellationToken;
        Case found = await db.Cases.SingleAsync(c => c.Id == caseId, cancellationToken);
        db.CaseEvents.Add(change(found));
        await db.SaveChangesAsync(cancellationToken);
    }
}
