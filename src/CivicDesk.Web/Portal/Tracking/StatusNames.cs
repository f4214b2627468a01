using CivicDesk.Core.Cases;
using Microsoft.Extensions.Localization;

namespace CivicDesk.Web.Portal.Tracking;

/// <summary>A case status in the resident's words: a short name and a sentence saying what it means.</summary>
public static class StatusNames
{
    public static string Name(IStringLocalizer text, CaseStatus status) => text[$"Status_{status}"];

    public static string Explanation(IStringLocalizer text, CaseStatus status) => text[$"StatusExplain_{status}"];
}
