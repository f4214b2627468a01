using System.Collections.Immutable;

namespace CivicDesk.Workflow.CaseTypes;

/// <summary>
/// Loads a case type from YAML text. The library does no I/O: rule files named by the case type are read through
/// the caller's <c>readRelative</c> (names as written in the file, relative to it). Returns the case type or
/// every problem found, each with file, line, column and what was expected.
/// </summary>
public static class CaseTypeLoader
{
    public static CaseTypeLoad Load(
        string file,
        string yamlText,
        Func<string, string?> readRelative,
        CaseTypeContext context)
    {
        ArgumentNullException.ThrowIfNull(yamlText);
        ArgumentNullException.ThrowIfNull(readRelative);
        ArgumentNullException.ThrowIfNull(context);
        CaseTypeReading reading = new(file, readRelative, context);
        CaseType? caseType = reading.Read(yamlText);
        if (caseType is null || reading.Reader.Problems.Count > 0)
        {
            return new CaseTypeLoad(null, [.. reading.Reader.Problems]);
        }

        return new CaseTypeLoad(caseType with { ContentHash = CaseTypeHash.Compute(caseType) }, []);
    }
}
