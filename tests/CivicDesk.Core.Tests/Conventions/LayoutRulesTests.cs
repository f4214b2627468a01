using System.Text.RegularExpressions;
using CivicDesk.Testing;

namespace CivicDesk.Core.Tests.Conventions;

/// <summary>
/// The layout rules of STYLE.md that a build cannot check, over every hand-written C# file of the
/// repository: no line over 120 characters, no file over 400 lines, no to-do marks (a known shortcoming is
/// written as "Limitation:"), no regions and no disabled nullability.
/// </summary>
public sealed partial class LayoutRulesTests
{
    private const int MaxLineLength = 120;
    private const int MaxFileLines = 400;

    [Fact]
    public void HandWrittenCSharp_Everywhere_KeepsTheLayoutRules()
    {
        List<string> problems = [];
        foreach (string path in HandWrittenFiles())
        {
            string[] lines = File.ReadAllLines(path);
            string name = Path.GetRelativePath(RepositoryPaths.Root, path);
            if (lines.Length > MaxFileLines)
            {
                problems.Add($"{name}: {lines.Length} lines");
            }

            for (int i = 0; i < lines.Length; i++)
            {
                if (lines[i].Length > MaxLineLength)
                {
                    problems.Add($"{name}:{i + 1}: {lines[i].Length} characters");
                }

                if (ForbiddenMark().IsMatch(lines[i]))
                {
                    problems.Add($"{name}:{i + 1}: {lines[i].Trim()}");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private static IEnumerable<string> HandWrittenFiles()
    {
        string[] roots = ["src", "tests", "bench"];
        return roots
            .Select(root => Path.Combine(RepositoryPaths.Root, root))
            .Where(Directory.Exists)
            .SelectMany(root => Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
            .Where(path => !Generated().IsMatch(path.Replace('\\', '/')));
    }

    [GeneratedRegex(@"/(bin|obj|Migrations)/|\.Designer\.cs$|\.g\.cs$")]
    private static partial Regex Generated();

    // The words are split so that this file does not match itself.
    [GeneratedRegex(
        @"(^|[^A-Za-z])(TO" + @"DO|FIX" + @"ME|HA" + @"CK)([^A-Za-z]|$)|^\s*#reg" + @"ion|#nullable dis" + @"able")]
    private static partial Regex ForbiddenMark();
}
