using System.Globalization;
using Truce.Humanitarian;

namespace Truce.Web;

/// <summary>One rehabilitation project; budget in whole US dollars.</summary>
public sealed record ProjectJson(Guid Id, Guid Asset, string Name, string Status, int ProgressPercent, long? BudgetUsd, string Funder, string? Starts, string? Ends)
{
    public static ProjectJson From(RehabilitationProject p) => new(p.Id, p.AssetId, p.Name, Slug.Of(p.Status), p.ProgressPercent, p.BudgetUsd, p.Funder,
        p.Starts?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), p.Ends?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
}
