using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Hotline;
using Truce.Lists;
using Truce.Monitoring;
using Truce.Storage;
using Truce.Verification;

namespace Truce.Web;

internal static class DashboardEndpoints
{
    public static void MapDashboard(this IEndpointRouteBuilder app) =>
        app.MapGet("/", Dashboard).ExcludeFromDescription().Allow(AccessRule.Anyone);

    /// <summary>Counts and the latest incidents, each computed only from what the viewer may see.</summary>
    private static async Task<RazorComponentResult> Dashboard(Chrome chrome, Viewer viewer, TruceDb db, TruceSettings settings, CancellationToken cancellationToken)
    {
        var observations = db.Observations.AsNoTracking().VisibleTo(viewer);
        var incidents = db.Incidents.AsNoTracking().VisibleTo(viewer);
        var byStatus = await incidents.GroupBy(i => i.Status)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var latest = (await Incidents.ListAsync(db, viewer, new ListFilter { Paging = new Paging(1, 10) }, cancellationToken)).Value!;
        return new DashboardModel(
            chrome,
            await observations.CountAsync(cancellationToken),
            // Awaiting corroboration as far as this viewer can tell: in no incident it may see.
            await observations.CountAsync(o => o.IncidentId == null || !incidents.Any(i => i.Id == o.IncidentId), cancellationToken),
            [.. byStatus.OrderBy(s => s.Key).Select(s => (s.Key, s.Count))],
            latest.Items,
            settings.TileUrl,
            await Threads.AwaitingAsync(db, viewer, settings.Hotline, cancellationToken)).Render();
    }
}
