using CivicDesk.Core.Imports.Mapping;

namespace CivicDesk.Core.Imports.ImportCases;

/// <summary>The positions of a mapping's columns in one file's header; -1 for a role the mapping leaves out.</summary>
internal sealed class ColumnLayout
{
    private ColumnLayout(string[] header)
    {
        Header = header;
    }

    public string[] Header { get; }

    public int Key { get; private init; }

    public int Created { get; private init; }

    public int Type { get; private init; }

    public int Closed { get; private init; }

    public int Updated { get; private init; }

    public int Due { get; private init; }

    public int Department { get; private init; }

    public int DepartmentName { get; private init; }

    public int Channel { get; private init; }

    public int Status { get; private init; }

    public int StatusNote { get; private init; }

    public int Address { get; private init; }

    public int AddressId { get; private init; }

    public int ZipCode { get; private init; }

    public int Latitude { get; private init; }

    public int Longitude { get; private init; }

    /// <summary>The answer columns as (question code, position), ordered by code as stored answers are.</summary>
    public IReadOnlyList<(string Code, int Index)> Answers { get; private init; } = [];

    /// <summary>
    /// Positions whose value a case holds exactly whenever it is present, so the source data omits them.
    /// </summary>
    public IReadOnlySet<int> HeldExactly { get; private set; } = new HashSet<int>();

    /// <summary>The layout, or the mapped columns the header lacks.</summary>
    public static (ColumnLayout? Layout, IReadOnlyList<string> Missing) Resolve(
        ImportMapping mapping,
        string[] header)
    {
        List<string> missing = [];
        int Find(string? column)
        {
            if (string.IsNullOrEmpty(column))
            {
                return -1;
            }

            int index = Array.IndexOf(header, column);
            if (index < 0)
            {
                missing.Add(column);
            }

            return index;
        }

        MappedColumns c = mapping.Columns;
        List<(string Code, int Index)> answers = [.. mapping.Answers.OrderBy(a => a.Key, StringComparer.Ordinal)
            .Select(a => (a.Key, Find(a.Value)))];
        ColumnLayout layout = new(header)
        {
            Key = Find(c.Key), Created = Find(c.Created), Type = Find(c.Type), Closed = Find(c.Closed),
            Updated = Find(c.Updated), Due = Find(c.Due), Department = Find(c.Department),
            DepartmentName = Find(c.DepartmentName), Channel = Find(c.Channel), Status = Find(c.Status),
            StatusNote = Find(c.StatusNote), Address = Find(c.Address), AddressId = Find(c.AddressId),
            ZipCode = Find(c.ZipCode), Latitude = Find(c.Latitude), Longitude = Find(c.Longitude),
            Answers = answers,
        };
        if (missing.Count > 0)
        {
            return (null, missing);
        }

        int[] exact = [layout.Key, layout.Department, layout.StatusNote, layout.Address, layout.AddressId,
            layout.ZipCode, .. answers.Select(a => a.Index)];
        layout.HeldExactly = exact.Where(i => i >= 0).ToHashSet();
        return (layout, missing);
    }
}
