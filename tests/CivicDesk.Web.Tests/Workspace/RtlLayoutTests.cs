using System.Text.RegularExpressions;
using CivicDesk.Core.CaseTypes;
using CivicDesk.Core.Data;
using CivicDesk.Core.Identity;
using CivicDesk.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using static CivicDesk.Web.Tests.Workspace.StaffBrowser;

namespace CivicDesk.Web.Tests.Workspace;

/// <summary>
/// Right-to-left: pages in a right-to-left culture say <c>dir="rtl"</c>, and every one-sided (left or right)
/// USWDS rule that the resident portal and the workspace case page use is mirrored for <c>[dir="rtl"]</c> in
/// CivicDesk's own stylesheet, which itself uses only logical properties.
/// </summary>
public abstract partial class RtlLayoutTests(WorkspaceApp app)
{
    // Off-screen hiding (left: -999em) hides on either side; it needs no mirror.
    private static readonly string[] HiddenOffScreen =
        ["usa-sr-only", "usa-checkbox__input", "usa-radio__input", "usa-breadcrumb__list-item"];

    [Fact]
    public async Task Pages_InARightToLeftCulture_SayDirRtl()
    {
        (string ana, _) = await AddUserAsync(app, StaffRole.Agent, "HPD");
        (Guid caseId, _) = await AddCaseAsync(app, "heat-hot-water", Instant.FromUtc(2026, 1, 5, 14, 0));
        HttpClient client = await SignInAsync(app, ana);

        string portal = await GetHtmlAsync(client, "/?culture=ar");
        string casePage = await GetHtmlAsync(client, $"/staff/cases/{caseId}?culture=ar");
        string spanish = await GetHtmlAsync(client, $"/staff/cases/{caseId}?culture=es");

        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", portal, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", casePage, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"es\" dir=\"ltr\">", spanish, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stylesheets_ForPortalAndCasePage_MirrorEveryOneSidedRuleTheyUse()
    {
        (string sam, _) = await AddUserAsync(app, StaffRole.Supervisor, "HPD");
        PinnedCaseType pin = await NycCaseTypeAsync(app);
        (Guid caseId, string reference) = await AddCaseAsync(
            app, "heat-hot-water", Instant.FromUtc(2026, 1, 5, 14, 0), caseType: pin);
        HttpClient client = await SignInAsync(app, sam);
        HashSet<string> used = new(StringComparer.Ordinal);
        foreach (string path in (string[])["/", "/services", "/services/heat-hot-water/new", "/track",
            $"/requests/{reference}", "/staff", $"/staff/cases/{caseId}", "/staff/settings"])
        {
            used.UnionWith(ClassesOf(await GetHtmlAsync(client, path + "?culture=ar")));
        }

        string uswds = await GetHtmlAsync(client, "/lib/uswds/css/uswds.min.css");
        string ours = await GetHtmlAsync(client, "/css/civicdesk.css")
            + await GetHtmlAsync(client, "/css/portal.css");

        HashSet<string> mirrored = [.. Rules(ours).Where(r => r.Selector.StartsWith("[dir=\"rtl\"]",
                StringComparison.Ordinal)).Select(r => LastClass(r.Selector)).OfType<string>()];
        List<string> missing = [.. Rules(uswds)
            .Where(r => OneSided(r.Declarations) && ClassesIn(r.Selector).All(used.Contains))
            .Select(r => LastClass(r.Selector)).OfType<string>()
            .Where(c => !HiddenOffScreen.Contains(c) && !mirrored.Contains(c))
            .Distinct().Order(StringComparer.Ordinal)];
        Assert.Empty(missing);
        Assert.DoesNotMatch(PhysicalProperty(), string.Concat(Rules(ours)
            .Where(r => !r.Selector.StartsWith("[dir=", StringComparison.Ordinal)).Select(r => r.Declarations)));
    }

    private static IEnumerable<string> ClassesOf(string html) => ClassAttribute().Matches(html)
        .SelectMany(m => m.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Innermost rules, one per selector of a selector list (media queries are read through).</summary>
    private static IEnumerable<(string Selector, string Declarations)> Rules(string css) =>
        Rule().Matches(Comment().Replace(css, string.Empty))
            .Where(m => !m.Groups[1].Value.TrimStart().StartsWith('@'))
            .SelectMany(m => m.Groups[1].Value.Split(',').Select(s => (s.Trim(), m.Groups[2].Value)));

    private static IEnumerable<string> ClassesIn(string selector) =>
        ClassName().Matches(selector).Select(m => m.Groups[1].Value.Replace("\\:", ":", StringComparison.Ordinal));

    private static string? LastClass(string selector) => ClassesIn(selector).LastOrDefault();

    /// <summary>A left or right property without the same value on the other side.</summary>
    private static bool OneSided(string declarations)
    {
        Dictionary<string, string> values = new(StringComparer.Ordinal);
        foreach (string declaration in declarations.Split(';'))
        {
            int colon = declaration.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                values[declaration[..colon].Trim()] = declaration[(colon + 1)..].Trim();
            }
        }

        return values.Any(p => (p.Key is "float" or "text-align" or "clear") && p.Value is "left" or "right"
            || Side(p.Key) is { } other && values.GetValueOrDefault(other) != p.Value);
    }

    private static string? Side(string property) =>
        property == "left" ? "right"
        : property == "right" ? "left"
        : property.Contains("-left", StringComparison.Ordinal) ? property.Replace("-left", "-right",
            StringComparison.Ordinal)
        : property.Contains("-right", StringComparison.Ordinal) ? property.Replace("-right", "-left",
            StringComparison.Ordinal)
        : null;

    [GeneratedRegex("class=\"([^\"]*)\"")]
    private static partial Regex ClassAttribute();

    [GeneratedRegex(@"([^{}]+)\{([^{}]*)\}")]
    private static partial Regex Rule();

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comment();

    [GeneratedRegex(@"\.((?:[a-zA-Z0-9_-]|\\:)+)")]
    private static partial Regex ClassName();

    [GeneratedRegex(@"(^|;|\s)(margin|padding|border)-(left|right)|(^|;|\s)(left|right)\s*:|:\s*(left|right)\b")]
    private static partial Regex PhysicalProperty();
}

/// <summary>The workspace host with a right-to-left culture (Arabic, words falling back to English) added.</summary>
public abstract class RtlApp(string provider) : WorkspaceApp(provider)
{
    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.PostConfigure<RequestLocalizationOptions>(o =>
        {
            // These replace the lists, so they name the product's own languages too.
            o.AddSupportedCultures("en", "es", "ar");
            o.AddSupportedUICultures("en", "es", "ar");
        });
    }
}

public sealed class RtlSqliteApp() : RtlApp(DatabaseProviders.Sqlite);

public sealed class RtlPostgresApp() : RtlApp(DatabaseProviders.Postgres);

public sealed class RtlLayoutTestsSqlite(RtlSqliteApp app) : RtlLayoutTests(app), IClassFixture<RtlSqliteApp>;

public sealed class RtlLayoutTestsPostgres(RtlPostgresApp app) : RtlLayoutTests(app), IClassFixture<RtlPostgresApp>;
