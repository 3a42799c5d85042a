using Truce.Access;

namespace Truce.Lists;

/// <summary>A row's id, the time it is listed by and its position: all the exact spatial test and the page order need.</summary>
public sealed record Located(Guid Id, DateTimeOffset At, double Latitude, double Longitude)
{
    /// <summary>
    /// The position a viewer may know. The public is tested on the coarsened position it is shown, so that
    /// shrinking a near query around a published report cannot narrow down where it really was.
    /// </summary>
    public static Func<Located, Located> AsSeenBy(Viewer viewer, int publicPrecisionM) => !viewer.SeesPublicForm()
        ? located => located
        : located =>
        {
            var (lat, lon, _) = viewer.Location(located.Latitude, located.Longitude, 0, publicPrecisionM);
            return located with { Latitude = lat, Longitude = lon };
        };
}
