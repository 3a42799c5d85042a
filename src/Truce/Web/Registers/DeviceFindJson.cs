using System.Globalization;
using Truce.MineAction;

namespace Truce.Web;

/// <summary>Devices of one type found in a hazardous area on a date.</summary>
public sealed record DeviceFindJson(Guid Id, Guid HazardousArea, string DeviceType, int Count, string Date)
{
    public static DeviceFindJson From(DeviceFind f) => new(f.Id, f.HazardousAreaId, f.DeviceType, f.Count, f.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
}
