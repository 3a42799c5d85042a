using System.Globalization;
using Truce.Humanitarian;

namespace Truce.Web;

/// <summary>One report of the basic-services register.</summary>
public sealed record ServiceReportJson(Guid Id, string Place, string Service, string Level, string Date, string Source, string Visibility)
{
    public static ServiceReportJson From(ServiceReport r) => new(r.Id, r.PlaceId, Slug.Of(r.Service), Slug.Of(r.Level),
        r.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.Source, Slug.Of(r.Visibility));
}
