namespace CivicDesk.Core.Imports.ImportCases;

/// <summary>The model's column sizes that an imported value must fit; a longer value is refused, not cut.</summary>
internal static class Limits
{
    public const int Reference = 40;
    public const int Address = 400;
    public const int AddressId = 100;
    public const int ZipCode = 20;
    public const int StatusNote = 4000;
    public const int ServiceCode = 80;
    public const int ServiceName = 200;
    public const int DepartmentCode = 40;
    public const int DepartmentName = 200;
}
