using System.Globalization;
using Truce.Humanitarian;

namespace Truce.Web;

/// <summary>One damage assessment of an asset.</summary>
public sealed record DamageJson(Guid Id, Guid Asset, string Level, string Date, string Source)
{
    public static DamageJson From(DamageAssessment d) => new(d.Id, d.AssetId, Slug.Of(d.Level), d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.Source);
}
