using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using CivicDesk.Rules.Checking;
using CivicDesk.Rules.Syntax;

namespace CivicDesk.Rules;

/// <summary>
/// Loads a rule set from text: parse, check types and tables, resolve includes through the caller (the library
/// does no I/O). Throws only <see cref="RulesLoadException"/> for a bad rule set.
/// </summary>
public static class RuleSetLoader
{
    private const int MaxIncludes = 32;

    /// <summary>Loads a rule file that includes no other file.</summary>
    public static RuleSet Load(string file, string text) =>
        Load(file, name => name == file ? text : null);

    /// <summary>
    /// Loads the rule file named <paramref name="file"/>; <paramref name="readFile"/> returns the text of that file
    /// and of each file it includes (names as written after <c>include</c>), or null when there is none.
    /// </summary>
    public static RuleSet Load(string file, Func<string, string?> readFile)
    {
        ArgumentNullException.ThrowIfNull(readFile);
        string text = readFile(file) ?? throw NotFound(new SourcePosition(file, 1, 1), file);
        List<(string Name, string Text)> sources = [(file, text)];
        List<RuleFileSyntax> files = [Parser.ParseFile(file, text)];
        for (int i = 0; i < files.Count; i++)
        {
            foreach (IncludeDecl include in files[i].Includes)
            {
                if (sources.Any(s => s.Name == include.Path))
                {
                    continue;
                }

                if (sources.Count >= MaxIncludes)
                {
                    throw new RulesLoadException([new RuleDiagnostic(include.Position,
                        $"at most {MaxIncludes} files in one rule set", "more")]);
                }

                string included = readFile(include.Path) ?? throw NotFound(include.Position, include.Path);
                sources.Add((include.Path, included));
                files.Add(Parser.ParseFile(include.Path, included));
            }
        }

        CheckedRules rules = Checker.Check([.. files]);
        return new RuleSet(rules, Hash(sources));
    }

    private static RulesLoadException NotFound(SourcePosition position, string name) =>
        new([new RuleDiagnostic(position, "a rule file that exists", $"no file '{name}'")]);

    private static string Hash(List<(string Name, string Text)> sources)
    {
        using IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach ((string name, string text) in sources)
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"{name}\n{text.Length}\n"));
            hash.AppendData(Encoding.UTF8.GetBytes(text));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
