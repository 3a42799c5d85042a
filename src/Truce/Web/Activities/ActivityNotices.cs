using Truce.Activities;
using Truce.Monitoring;
using Truce.Storage;

namespace Truce.Web;

/// <summary>An incident's prior-notice flag on its page, from the observations of it the viewer sees.</summary>
internal static class ActivityNotices
{
    /// <summary>Pre-notified when any of its observations lies in a notified activity; else not notified when any is an unnotified movement.</summary>
    public static async Task<(PriorNotice Notice, NotifiedActivity? Activity)> OfAsync(
        TruceDb db, IReadOnlyCollection<Observation> observations, CancellationToken cancellationToken)
    {
        var flags = (await Notifications.FlagsAsync(db, observations, cancellationToken)).Values.ToList();
        var covered = flags.FirstOrDefault(f => f.Flag == PriorNotice.PreNotified);
        if (covered.Activity is not null)
        {
            return covered;
        }
        return (PriorNotices.OfIncident(flags.Select(f => f.Flag)), null);
    }
}
