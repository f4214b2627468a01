using CivicDesk.Core.Cases;
using CivicDesk.Core.Cases.GetCase;
using CivicDesk.Core.Cases.ListCases;
using CivicDesk.Core.Common;
using CivicDesk.Core.Identity;
using CivicDesk.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace CivicDesk.Core.Tests.Workspace;

/// <summary>The workspace's queries show catalogue texts in the reader's language, else in their source text.</summary>
public sealed class CaseCultureTests
{
    private static readonly Instant Noon = Instant.FromUtc(2025, 3, 1, 17, 0);

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ListCases_SpanishCulture_NamesServicesInSpanishAndSortsByThoseNames(string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);
        Guid admin = await world.AddUserAsync("root", StaffRole.Administrator);
        await world.AddCaseAsync("heat-hot-water", Noon);
        await world.AddCaseAsync("street-condition", Noon + Duration.FromMinutes(1));
        await world.AddCaseAsync("plumbing", Noon + Duration.FromMinutes(2));

        CaseListQuery byService = new() { Sort = CaseSort.Service, Descending = false };
        CaseListPage spanish = await ListAsync(world, admin, byService with { Culture = "es-MX" });
        CaseListPage source = await ListAsync(world, admin, byService);
        CaseListChoices choices;
        await using (AsyncServiceScope scope = world.Scope())
        {
            choices = await StaffWorld.Get<ListCasesHandler>(scope)
                .ChoicesAsync(StaffWorld.Caller(admin), "es", StaffWorld.Ct);
        }

        Assert.Equal(["Calefacción o agua caliente", "Estado de la calle", "Plomería"],
            spanish.Items.Select(i => i.ServiceName));
        Assert.Equal(["Heat or hot water", "Plumbing", "Street condition"], source.Items.Select(i => i.ServiceName));
        Assert.Contains(("street-condition", "Estado de la calle"), choices.Services);
        Assert.Contains(("HPD", "Departamento de Preservación y Desarrollo de la Vivienda"), choices.Departments);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task GetCase_SpanishCulture_TranslatesServiceQuestionsOptionsAndQueue(string provider)
    {
        await using StaffWorld world = await StaffWorld.CreateAsync(provider);
        Guid admin = await world.AddUserAsync("root", StaffRole.Administrator);
        CaseAnswers answers = CaseAnswers.From(new Dictionary<string, IReadOnlyList<string>>
        {
            ["descriptor"] = ["ENTIRE BUILDING"],
            ["gone_question"] = ["kept as typed"],
        });
        Guid caseId = await world.AddCaseAsync("heat-hot-water", Noon, answers: answers);

        CaseDetails spanish = await GetAsync(world, admin, caseId, "es");
        CaseDetails source = await GetAsync(world, admin, caseId, null);

        Assert.Equal("Calefacción o agua caliente", spanish.ServiceName);
        Assert.Equal("Departamento de Preservación y Desarrollo de la Vivienda", spanish.DepartmentName);
        Assert.StartsWith("Cola principal de HPD", spanish.QueueName, StringComparison.Ordinal);
        AnswerLine descriptor = Assert.Single(spanish.Answers, a => a.Code == "descriptor");
        Assert.Equal(("¿Cuál es el problema?", "Todo el edificio"), (descriptor.Question, descriptor.Shown[0]));
        Assert.Equal(["ENTIRE BUILDING"], descriptor.Values);
        AnswerLine gone = Assert.Single(spanish.Answers, a => a.Code == "gone_question");
        Assert.Equal(("gone_question", "kept as typed"), (gone.Question, gone.Shown[0]));

        Assert.Equal("Heat or hot water", source.ServiceName);
        AnswerLine english = Assert.Single(source.Answers, a => a.Code == "descriptor");
        Assert.Equal(("What is the problem?", "Entire building"), (english.Question, english.Shown[0]));
        Assert.Equal("HPD main queue", source.QueueName);
    }

    private static async Task<CaseListPage> ListAsync(StaffWorld world, Guid userId, CaseListQuery query)
    {
        await using AsyncServiceScope scope = world.Scope();
        Result<CaseListPage> result = await StaffWorld.Get<ListCasesHandler>(scope)
            .HandleAsync(StaffWorld.Caller(userId), query, StaffWorld.Ct);
        Assert.True(result.IsSuccess, result.Error?.ToString());
        return result.Value;
    }

    private static async Task<CaseDetails> GetAsync(StaffWorld world, Guid userId, Guid caseId, string? culture)
    {
        await using AsyncServiceScope scope = world.Scope();
        Result<CaseDetails> result = await StaffWorld.Get<GetCaseHandler>(scope)
            .HandleAsync(StaffWorld.Caller(userId), caseId, culture, StaffWorld.Ct);
        Assert.True(result.IsSuccess, result.Error?.ToString());
        return result.Value;
    }
}
