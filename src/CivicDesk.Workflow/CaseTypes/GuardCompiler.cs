using System.Text;
using CivicDesk.Rules;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CivicDesk.Workflow.CaseTypes;

/// <summary>
/// Compiles a transition's guard with CivicDesk.Rules: the guard becomes the one output of a small rule set
/// whose inputs are the case's fields, so it is type-checked like any rule. Problems point into the YAML file.
/// </summary>
internal static class GuardCompiler
{
    public const string Output = "guard_allows";

    public static RuleSet? Compile(
        YamlReader reader,
        YamlNode guardNode,
        string owner,
        string guard,
        IEnumerable<CaseField> fields)
    {
        StringBuilder text = new();
        text.Append("rules \"guard\" version \"1\"\noutputs ").Append(Output).Append('\n');
        foreach (CaseField field in fields)
        {
            text.Append("input ").Append(field.Name).Append(" : ").Append(field.Type).Append('\n');
        }

        text.Append("define ").Append(Output).Append(" : boolean\n= ");
        int guardLine = text.ToString().Count(c => c == '\n') + 1;
        text.Append(guard).Append('\n');
        string name = reader.File + "#guard";
        try
        {
            return RuleSetLoader.Load(name, text.ToString());
        }
        catch (RulesLoadException error)
        {
            foreach (RuleDiagnostic d in error.Diagnostics)
            {
                (int line, int column) = Where(guardNode, d.Position.Line - guardLine, d.Position.Column);
                reader.Problems.Add(new FileProblem(reader.File, line, column,
                    $"guard of {owner}: expected {d.Expected}, found {d.Found}"));
            }

            return null;
        }
    }

    // A plain or quoted one-line guard maps exactly; in a block scalar (|) the lines follow the key's line.
    // Limitation: columns inside a multi-line guard are approximate (indentation is not added back); exact mapping
    // needs the scalar's raw text, which YamlDotNet's representation model does not keep.
    private static (int Line, int Column) Where(YamlNode node, int lineOffset, int syntheticColumn)
    {
        int columnOffset = Math.Max(0, syntheticColumn - 3);
        ScalarStyle style = (node as YamlScalarNode)?.Style ?? ScalarStyle.Plain;
        int start = (int)node.Start.Line;
        int column = (int)node.Start.Column;
        if (style is ScalarStyle.Literal or ScalarStyle.Folded)
        {
            return (start + 1 + Math.Max(0, lineOffset), lineOffset <= 0 ? columnOffset + 1 : syntheticColumn);
        }

        int quote = style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted ? 1 : 0;
        return lineOffset <= 0
            ? (start, column + quote + columnOffset)
            : (start + lineOffset, syntheticColumn);
    }
}
