using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Humanitarian;
using Truce.Storage;

namespace Truce.MineAction;

/// <summary>
/// What clearance finds and who does it: devices found and survey or clearance tasks on a hazardous area. Written by
/// the registers' writers (API and forms call these), each a new row, journaled; read by everyone, as the areas are.
/// </summary>
public static class Clearance
{
    public static async Task<Result<Submitted<DeviceFind>>> RecordFindAsync(TruceDb db, Viewer viewer, Guid areaId, DeviceFindInput input, CancellationToken cancellationToken = default)
    {
        if (!viewer.Can(Operation.WriteRegisters))
        {
            return Failure.Forbidden($"Only humanitarian partners, analysts and administrators write the registers.");
        }
        if (!await db.Set<HazardousArea>().AnyAsync(a => a.Id == areaId, cancellationToken))
        {
            return Failure.NotFound("The hazardous area");
        }
        var errors = new FieldErrors();
        RegisterFields.Id(input.Id, errors);
        var type = RegisterFields.Required(input.DeviceType, "deviceType", 200, errors);
        if (input.Count is not { } count || count < 1)
        {
            errors.Add("count", $"must be a whole number of devices, at least 1.");
        }
        var date = RegisterFields.Date(input.Date, "date", errors);
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        var find = new DeviceFind
        {
            Id = input.Id!.Value, HazardousAreaId = areaId, DeviceType = type!, Count = input.Count!.Value, Date = date!.Value, RecordedBy = viewer.Name, RecordedAt = Instant.Now(db.Clock),
        };
        var existing = await db.Set<DeviceFind>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == input.Id, cancellationToken);
        if (existing is not null)
        {
            return (existing.HazardousAreaId, existing.DeviceType, existing.Count, existing.Date) == (find.HazardousAreaId, find.DeviceType, find.Count, find.Date)
                ? new Submitted<DeviceFind>(existing, true) : Submission.IdReused("device find");
        }
        db.Add(find);
        await db.SaveChangesAsync(cancellationToken);
        return new Submitted<DeviceFind>(find, false);
    }

    public static async Task<Result<Submitted<ClearanceTask>>> RecordTaskAsync(TruceDb db, Viewer viewer, Guid areaId, ClearanceTaskInput input, CancellationToken cancellationToken = default)
    {
        if (!viewer.Can(Operation.WriteRegisters))
        {
            return Failure.Forbidden($"Only humanitarian partners, analysts and administrators write the registers.");
        }
        if (!await db.Set<HazardousArea>().AnyAsync(a => a.Id == areaId, cancellationToken))
        {
            return Failure.NotFound("The hazardous area");
        }
        var errors = new FieldErrors();
        RegisterFields.Id(input.Id, errors);
        var organisation = RegisterFields.Required(input.Organisation, "organisation", 200, errors);
        var starts = RegisterFields.Date(input.Starts, "starts", errors);
        var ends = string.IsNullOrWhiteSpace(input.Ends) ? null : RegisterFields.Date(input.Ends, "ends", errors);
        if (starts is { } from && ends is { } to && to < from)
        {
            errors.Add("ends", $"'{to:yyyy-MM-dd}' is before the start ({from:yyyy-MM-dd}).");
        }
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        var task = new ClearanceTask { Id = input.Id!.Value, HazardousAreaId = areaId, Organisation = organisation!, Starts = starts!.Value, Ends = ends, RecordedAt = Instant.Now(db.Clock) };
        var existing = await db.Set<ClearanceTask>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == input.Id, cancellationToken);
        if (existing is not null)
        {
            return (existing.HazardousAreaId, existing.Organisation, existing.Starts, existing.Ends) == (task.HazardousAreaId, task.Organisation, task.Starts, task.Ends)
                ? new Submitted<ClearanceTask>(existing, true) : Submission.IdReused("clearance task");
        }
        db.Add(task);
        await db.SaveChangesAsync(cancellationToken);
        return new Submitted<ClearanceTask>(task, false);
    }

    /// <summary>Every device find, by area and date: public reference data, as the areas are.</summary>
    public static async Task<List<DeviceFind>> FindsAsync(TruceDb db, CancellationToken cancellationToken = default) =>
        [.. (await db.Set<DeviceFind>().AsNoTracking().ToListAsync(cancellationToken)).OrderBy(f => f.HazardousAreaId).ThenBy(f => f.Date).ThenBy(f => f.Id)];

    /// <summary>Every survey or clearance task, by area and start.</summary>
    public static async Task<List<ClearanceTask>> TasksAsync(TruceDb db, CancellationToken cancellationToken = default) =>
        [.. (await db.Set<ClearanceTask>().AsNoTracking().ToListAsync(cancellationToken)).OrderBy(t => t.HazardousAreaId).ThenBy(t => t.Starts).ThenBy(t => t.Id)];
}
