using Truce.Access;
using Truce.Lists;
using Truce.Monitoring;
using Truce.Storage;
using Truce.Verification;

namespace Truce.Gazetteer;

/// <summary>
/// A place with all its names and what happened in and around it: the observations and incidents within
/// <see cref="RadiusKm"/> that the viewer may see, newest first, through the lists' own spatial filter.
/// </summary>
public sealed record PlaceAround(PlaceHit Hit, Page<Observation> Observations, Page<Incident> Incidents)
{
    /// <summary>How far around a place its page looks, in kilometres.</summary>
    public const double RadiusKm = 5;

    /// <summary>How many of each the page lists.</summary>
    public const int Listed = 20;

    /// <summary>Null when there is no place with that id.</summary>
    public static async Task<PlaceAround?> LoadAsync(TruceDb db, Viewer viewer, string id, CancellationToken cancellationToken = default)
    {
        if (await Places.FindAsync(db, id, cancellationToken) is not { } hit)
        {
            return null;
        }
        var around = new ListFilter { Near = new Lists.Place(hit.Place.Latitude, hit.Place.Longitude, null), RadiusKm = RadiusKm, Paging = new Paging(1, Listed) };
        var observations = await Monitoring.Observations.ListAsync(db, viewer, around, cancellationToken);
        var incidents = await Verification.Incidents.ListAsync(db, viewer, around, cancellationToken);
        return new PlaceAround(hit, observations.Value ?? new Page<Observation>([], 1, Listed, 0), incidents.Value ?? new Page<Incident>([], 1, Listed, 0));
    }
}
