using System.Globalization;
using Truce.MineAction;

namespace Truce.Web;

/// <summary>One land-release event of a hazardous area.</summary>
public sealed record LandReleaseJson(Guid Id, Guid HazardousArea, string Method, double AreaM2, string Date)
{
    public static LandReleaseJson From(LandReleaseEvent e) => new(e.Id, e.HazardousAreaId, Slug.Of(e.Method), e.AreaM2, e.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
}
