using System.Globalization;
using Truce.Humanitarian;

namespace Truce.Web;

/// <summary>One damage assessment of an asset; <c>recordedBy</c> is null where the access policy withholds who recorded it.</summary>
public sealed record DamageJson(Guid Id, Guid Asset, string Level, string Date, string Source, string? RecordedBy)
{
    public static DamageJson From(DamageAssessment d) => new(d.Id, d.AssetId, Slug.Of(d.Level), d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.Source,
        d.RecordedBy.Length == 0 ? null : d.RecordedBy);
}
