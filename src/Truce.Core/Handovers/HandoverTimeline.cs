using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Storage;

namespace Truce.Handovers;

/// <summary>Every plan with its phases and handovers, each handover's gates evaluated live for the viewer (see <see cref="HandoverGates"/>).</summary>
public sealed record HandoverTimeline(IReadOnlyList<HandoverPlan> Plans, IReadOnlyList<Phase> Phases, IReadOnlyList<HandoverGates.Evaluated> Handovers)
{
    public IEnumerable<Phase> PhasesOf(HandoverPlan plan) => Phases.Where(p => p.PlanId == plan.Id);

    public IEnumerable<HandoverGates.Evaluated> HandoversOf(Phase phase) => Handovers.Where(h => h.Handover.PhaseId == phase.Id);

    public static async Task<HandoverTimeline> LoadAsync(TruceDb db, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var plans = (await db.Set<HandoverPlan>().AsNoTracking().ToListAsync(cancellationToken)).OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).ToList();
        var phases = (await db.Set<Phase>().AsNoTracking().ToListAsync(cancellationToken)).OrderBy(p => p.Number).ThenBy(p => p.StartsAt).ToList();
        var handovers = (await db.Set<Handover>().AsNoTracking().ToListAsync(cancellationToken)).OrderBy(h => h.ScheduledAt).ThenBy(h => h.Id).ToList();
        return new HandoverTimeline(plans, phases, await HandoverGates.EvaluateAsync(db, viewer, handovers, cancellationToken));
    }

    /// <summary>One handover with its live gates, or null when there is none with this id.</summary>
    public static async Task<HandoverGates.Evaluated?> FindAsync(TruceDb db, Viewer viewer, Guid id, CancellationToken cancellationToken = default)
    {
        var handover = await db.Set<Handover>().AsNoTracking().FirstOrDefaultAsync(h => h.Id == id, cancellationToken);
        return handover is null ? null : (await HandoverGates.EvaluateAsync(db, viewer, [handover], cancellationToken))[0];
    }
}
