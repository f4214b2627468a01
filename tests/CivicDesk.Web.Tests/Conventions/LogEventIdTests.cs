using System.Reflection;
using System.Text.RegularExpressions;
using CivicDesk.Core.Cases;
using CivicDesk.Testing;
using Microsoft.Extensions.Logging;

namespace CivicDesk.Web.Tests.Conventions;

/// <summary>
/// Every source-generated log message has an id of its own, from its feature's block, and is listed in
/// docs/operations/event-ids.md, which operators read to set alerts.
/// </summary>
public sealed partial class LogEventIdTests
{
    private static readonly Dictionary<string, int> Blocks = new(StringComparer.Ordinal)
    {
        ["CivicDesk.Core.Cases"] = 1000,
        ["CivicDesk.Core.Identity"] = 2000,
        ["CivicDesk.Core.Notifications"] = 3000,
        ["CivicDesk.Web.Notifications"] = 3000,
        ["CivicDesk.Core.Catalog"] = 4000,
        ["CivicDesk.Core.Imports"] = 5000,
        ["CivicDesk.Web.Open311"] = 6000,
        ["CivicDesk.Web.Portal"] = 7000,
        ["CivicDesk.Web.Workspace"] = 8000,
        ["CivicDesk.Web.Errors"] = 9000,
        ["CivicDesk.Core.Timers"] = 10000,
        ["CivicDesk.Web.Timers"] = 10000,
        ["CivicDesk.Core.Data"] = 11000,
    };

    [Fact]
    public void LogMessages_Everywhere_HaveUniqueIdsFromTheirBlockAndAreCatalogued()
    {
        List<(int Id, string Where)> messages = [.. Messages()];
        HashSet<int> catalogued = [.. CataloguedIds()];

        Assert.True(messages.Count >= 10, $"Only {messages.Count} log messages were found.");
        Assert.Empty(messages.GroupBy(m => m.Id).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.Empty(messages.Where(m => !InItsBlock(m)).Select(m => $"{m.Where} uses {m.Id}"));
        Assert.Empty(messages.Where(m => !catalogued.Contains(m.Id)).Select(m => $"{m.Id} ({m.Where})"));
    }

    private static IEnumerable<(int Id, string Where)> Messages()
    {
        Assembly[] assemblies = [typeof(Case).Assembly, typeof(Program).Assembly];
        foreach (Type type in assemblies.SelectMany(a => a.GetTypes()))
        {
            const BindingFlags All = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic;
            foreach (MethodInfo method in type.GetMethods(All))
            {
                if (method.GetCustomAttribute<LoggerMessageAttribute>() is { } message)
                {
                    yield return (message.EventId, $"{type.FullName}.{method.Name}");
                }
            }
        }
    }

    private static bool InItsBlock((int Id, string Where) message) =>
        Blocks.Any(b => message.Where.StartsWith(b.Key + ".", StringComparison.Ordinal)
            && message.Id >= b.Value && message.Id < b.Value + 1000);

    private static IEnumerable<int> CataloguedIds()
    {
        string catalogue = File.ReadAllText(
            Path.Combine(RepositoryPaths.Root, "docs", "operations", "event-ids.md"));
        return IdRow().Matches(catalogue)
            .Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"^\| (\d{4,5}) \|", RegexOptions.Multiline)]
    private static partial Regex IdRow();
}
