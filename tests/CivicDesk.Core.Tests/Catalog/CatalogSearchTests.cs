using CivicDesk.Core.Catalog;
using CivicDesk.Core.Catalog.GetCatalog;

namespace CivicDesk.Core.Tests.Catalog;

public sealed class CatalogSearchTests
{
    private static readonly ServiceView[] Services =
    [
        Service("heat", "Calefacción o agua caliente", "Sin calefacción en un edificio.", rank: 1),
        Service("noise", "Ruido de una vivienda", "Música alta desde una residencia.", rank: 2, "Fiesta"),
        Service("party", "Queja del consumidor", "Una queja sobre un comercio ruidoso.", rank: 3),
    ];

    [Theory]
    [InlineData("Calefacción", "calefaccion")]
    [InlineData("ÑANDÚ Été", "nandu ete")]
    public void Fold_AccentsAndCapitals_AreRemoved(string text, string expected)
    {
        Assert.Equal(expected, CatalogSearch.Fold(text));
    }

    [Fact]
    public void Filter_WordTypedWithoutAccent_FindsTheAccentedName()
    {
        IReadOnlyList<ServiceView> found = CatalogSearch.Filter(Services, "CALEFACCION");

        Assert.Equal(["heat"], found.Select(s => s.Code));
    }

    [Fact]
    public void Filter_SeveralWords_EachMustAppear()
    {
        IReadOnlyList<ServiceView> found = CatalogSearch.Filter(Services, "música residencia");

        Assert.Equal(["noise"], found.Select(s => s.Code));
    }

    [Fact]
    public void Filter_WordInAnswerChoice_FindsTheService()
    {
        IReadOnlyList<ServiceView> found = CatalogSearch.Filter(Services, "fiesta");

        Assert.Equal(["noise"], found.Select(s => s.Code));
    }

    [Fact]
    public void Filter_NameMatchesComeBeforeDescriptionMatches()
    {
        IReadOnlyList<ServiceView> found = CatalogSearch.Filter(Services, "ruid");

        Assert.Equal(["noise", "party"], found.Select(s => s.Code));
    }

    [Fact]
    public void Filter_NoWords_KeepsEveryService()
    {
        Assert.Equal(3, CatalogSearch.Filter(Services, "  ").Count);
    }

    private static ServiceView Service(
        string code,
        string name,
        string description,
        int rank,
        string? option = null) =>
        new(
            code, name, description, "Grupo", string.Empty, "Departamento", rank,
            option is null
                ? []
                : [
                    new QuestionView(
                        "descriptor", "¿Qué?", QuestionDatatype.SingleValueList, true, [new("X", option)]),
                ]);
}
