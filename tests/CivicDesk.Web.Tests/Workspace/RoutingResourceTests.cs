using System.Globalization;
using System.Xml.Linq;
using CivicDesk.Testing;
using CivicDesk.Web.Workspace;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace CivicDesk.Web.Tests.Workspace;

/// <summary>The workspace texts of routing and triage exist in English and Spanish, and the two sets agree.</summary>
public sealed class RoutingResourceTests(WorkspaceSqliteApp app) : IClassFixture<WorkspaceSqliteApp>
{
    private static readonly string[] RoutingKeys =
    [
        "ColPriority", "Queue", "PriorityNone", "PriorityAny", "FilterPriority", "Sort_Priority", "Event_Routed",
        "Event_RoutingOverridden", "Done_routing", "RoutedSummary", "RoutedFallback", "RoutedWhy",
        "RoutedNoRowFired", "RoutedInputs", "RoutedAsOf", "RoutedHash", "RoutedOverridden",
        "RoutingOutput_department", "RoutingOutput_queue", "RoutingOutput_priority", "OverrideAssigneeCleared",
        "OverridesDecision", "OverrideReason", "RoutingHeading", "RoutingHint", "RoutingQueueHint",
        "RoutingQueueDefault", "RoutingReason", "RoutingReasonHint", "RoutingButton", "Error_reason_required",
        "Error_department_unchanged", "Error_department_not_found", "Error_queue_unknown",
    ];

    [Fact]
    public void RoutingTexts_InEnglishAndSpanish_AreFoundAndTranslated()
    {
        using AsyncServiceScope scope = app.CreateScope();
        IStringLocalizer<WorkspaceResources> text =
            scope.ServiceProvider.GetRequiredService<IStringLocalizer<WorkspaceResources>>();

        Dictionary<string, string> english = Read(text, "en");
        Dictionary<string, string> spanish = Read(text, "es");

        string[] missing = [.. RoutingKeys.Where(k => !english.ContainsKey(k) || !spanish.ContainsKey(k))];
        string[] untranslated = [.. RoutingKeys.Where(k
            => english.ContainsKey(k) && spanish.ContainsKey(k) && english[k] == spanish[k])];
        Assert.Equal([], missing);
        Assert.Equal([], untranslated);
    }

    [Fact]
    public void WorkspaceResources_EnglishAndSpanishFiles_HoldTheSameKeys()
    {
        string folder = Path.Combine(RepositoryPaths.Root, "src", "CivicDesk.Web", "Workspace");

        string[] english = Keys(Path.Combine(folder, "WorkspaceResources.resx"));
        string[] spanish = Keys(Path.Combine(folder, "WorkspaceResources.es.resx"));

        Assert.Equal(english, spanish);
    }

    private static Dictionary<string, string> Read(IStringLocalizer text, string culture)
    {
        CultureInfo before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return RoutingKeys.Select(k => text[k]).Where(s => !s.ResourceNotFound)
                .ToDictionary(s => s.Name, s => s.Value, StringComparer.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    private static string[] Keys(string path) =>
        XDocument.Load(path).Root!.Elements("data").Select(d => (string)d.Attribute("name")!)
            .Order(StringComparer.Ordinal).ToArray();
}
