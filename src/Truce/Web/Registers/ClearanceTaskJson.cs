using System.Globalization;
using Truce.MineAction;

namespace Truce.Web;

/// <summary>A survey or clearance task on a hazardous area; no end while it is open.</summary>
public sealed record ClearanceTaskJson(Guid Id, Guid HazardousArea, string Organisation, string Starts, string? Ends)
{
    public static ClearanceTaskJson From(ClearanceTask t) => new(t.Id, t.HazardousAreaId, t.Organisation,
        t.Starts.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), t.Ends?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
}
