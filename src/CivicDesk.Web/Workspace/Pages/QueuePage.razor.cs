using System.Globalization;
using CivicDesk.Core.Cases.ListCases;
using CivicDesk.Core.Common;
using CivicDesk.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;

namespace CivicDesk.Web.Workspace.Pages;

/// <summary>The staff queue: the cases of the user's scope, filtered and ordered by GET parameters.</summary>
public sealed partial class QueuePage
{
    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    [Inject]
    private ListCasesHandler Handler { get; set; } = default!;

    private CaseListQuery Query { get; set; } = new();

    private CaseListChoices Choices { get; set; } = new([], []);

    private IReadOnlyDictionary<string, IReadOnlyList<string>> Raw { get; set; } =
        new Dictionary<string, IReadOnlyList<string>>();

    private CaseListPage? Page { get; set; }

    private IReadOnlyList<FieldError> Errors { get; set; } = [];

    private bool HasFilters => Raw.Keys.Any(k => k is not ("page" or "page_size" or "sort" or "direction"));

    protected override async Task OnInitializedAsync()
    {
        Raw = HttpContext.Request.Query.ToDictionary(
            q => q.Key,
            q => (IReadOnlyList<string>)q.Value.OfType<string>().Where(v => v.Length > 0).ToArray(),
            StringComparer.Ordinal);
        string culture = CultureInfo.CurrentUICulture.Name;
        Choices = await Handler.ChoicesAsync(StaffClaims.Caller(HttpContext), culture, HttpContext.RequestAborted);
        Result<CaseListQuery> parsed = CaseListQueryParser.Parse(Raw);
        Result<CaseListPage> result = parsed.TryGetValue(out CaseListQuery? query, out Error? error)
            ? await Handler.HandleAsync(
                StaffClaims.Caller(HttpContext), query with { Culture = culture }, HttpContext.RequestAborted)
            : error;
        Query = query ?? new CaseListQuery();
        if (result.TryGetValue(out CaseListPage? page, out Error? failed))
        {
            Page = page;
            return;
        }

        Errors = failed is ValidationFailed invalid ? invalid.Errors : [];
        HttpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
    }

    /// <summary>
    /// The page numbers offered: the first, the last, and the current one with its neighbours; null marks a gap.
    /// </summary>
    private List<int?> PageNumbers
    {
        get
        {
            if (Page is null || Page.PageCount <= 1)
            {
                return [];
            }

            int[] shown = new[] { 1, Page.Page - 1, Page.Page, Page.Page + 1, Page.PageCount }
                .Where(n => n >= 1 && n <= Page.PageCount).Distinct().Order().ToArray();
            List<int?> numbers = [];
            for (int i = 0; i < shown.Length; i++)
            {
                if (i > 0 && shown[i] - shown[i - 1] > 1)
                {
                    numbers.Add(null);
                }

                numbers.Add(shown[i]);
            }

            return numbers;
        }
    }

    private string PageLink(int page)
    {
        Dictionary<string, IReadOnlyList<string>> parameters = new(Raw, StringComparer.Ordinal)
        {
            ["page"] = [page.ToString(CultureInfo.InvariantCulture)],
        };
        IEnumerable<KeyValuePair<string, string?>> pairs = parameters
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)));
        return QueryHelpers.AddQueryString("/staff", pairs) + "#results";
    }
}
