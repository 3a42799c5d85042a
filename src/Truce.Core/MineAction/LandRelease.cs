using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Storage;

namespace Truce.MineAction;

/// <summary>
/// Land release on a hazardous area: each release an event of its own, and the area's status moved with it (a
/// partial release leaves it reduced; a complete one cancelled or cleared), the move kept in its history. One
/// transaction, journaled.
/// </summary>
public static class LandRelease
{
    public static async Task<Result<LandReleaseEvent>> RecordAsync(TruceDb db, Viewer viewer, Guid areaId, LandReleaseInput input, CancellationToken cancellationToken = default)
    {
        if (!viewer.Can(Operation.WriteRegisters))
        {
            return Failure.Forbidden($"Only humanitarian partners, analysts and administrators record land release.");
        }
        var hazard = await db.Set<HazardousArea>().FirstOrDefaultAsync(a => a.Id == areaId, cancellationToken);
        if (hazard is null)
        {
            return Failure.NotFound("The hazardous area");
        }
        var errors = new FieldErrors();
        var method = Submission.Choice<ReleaseMethod>(input.Method, "method", errors);
        if (method is null && string.IsNullOrWhiteSpace(input.Method))
        {
            errors.Add("method", $"is required: one of {Slug.Expected<ReleaseMethod>()}.");
        }
        if (input.AreaM2 is not { } area || !double.IsFinite(area) || area <= 0)
        {
            errors.Add("areaM2", $"must be a number of square metres greater than 0.");
        }
        DateOnly? date = null;
        if (DateOnly.TryParseExact(input.Date ?? "", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            date = parsed;
        }
        else
        {
            errors.Add("date", $"is required: a date as YYYY-MM-DD.");
        }
        if (hazard.IsReleased)
        {
            errors.Add("method", $"the area is already {Slug.Of(hazard.Status)}: nothing is left to release.");
        }
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        var now = Instant.Now(db.Clock);
        var release = new LandReleaseEvent
        {
            Id = Guid.CreateVersion7(), HazardousAreaId = areaId, Method = method!.Value, AreaM2 = input.AreaM2!.Value, Date = date!.Value, RecordedBy = viewer.Name, RecordedAt = now,
        };
        db.Add(release);
        var status = !input.Complete ? HazardStatus.Reduced : method == ReleaseMethod.Cancelled ? HazardStatus.Cancelled : HazardStatus.Cleared;
        if (status != hazard.Status)
        {
            db.Add(new HazardStatusChange
            {
                Id = Guid.CreateVersion7(), HazardousAreaId = areaId, From = hazard.Status, To = status, By = viewer.Name, At = now,
                Reason = $"{Slug.Of(method.Value)} {input.AreaM2.Value.ToString("0", CultureInfo.InvariantCulture)} m²",
            });
            hazard.Status = status;
            hazard.UpdatedAt = now;
        }
        await db.SaveChangesAsync(cancellationToken);
        return release;
    }

    /// <summary>Square metres released from an area so far, by method.</summary>
    public static async Task<Dictionary<ReleaseMethod, double>> TotalsAsync(TruceDb db, Guid areaId, CancellationToken cancellationToken = default) =>
        (await db.Set<LandReleaseEvent>().AsNoTracking().Where(e => e.HazardousAreaId == areaId).ToListAsync(cancellationToken))
            .GroupBy(e => e.Method).ToDictionary(g => g.Key, g => g.Sum(e => e.AreaM2));
}
