using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Storage;

namespace Truce.Humanitarian;

/// <summary>Recording and listing the basic-services register; a new state is a new report, journaled, never an edit.</summary>
public static class ServiceReports
{
    public static async Task<Result<Submitted<ServiceReport>>> RecordAsync(TruceDb db, Viewer viewer, ServiceReportInput input, CancellationToken cancellationToken = default)
    {
        if (!viewer.Can(Operation.WriteRegisters))
        {
            return Failure.Forbidden($"Only humanitarian partners, analysts and administrators write the registers.");
        }
        var errors = new FieldErrors();
        RegisterFields.Id(input.Id, errors);
        var place = await RegisterFields.PlaceAsync(db, input.Place, "place", errors, cancellationToken);
        var service = Submission.Choice<ServiceKind>(input.Service, "service", errors);
        if (service is null && string.IsNullOrWhiteSpace(input.Service))
        {
            errors.Add("service", $"is required: one of {Slug.Expected<ServiceKind>()}.");
        }
        var level = Submission.Choice<ServiceLevel>(input.Level, "level", errors);
        if (level is null && string.IsNullOrWhiteSpace(input.Level))
        {
            errors.Add("level", $"is required: one of {Slug.Expected<ServiceLevel>()}.");
        }
        var date = RegisterFields.Date(input.Date, "date", errors);
        var source = RegisterFields.Required(input.Source, "source", 200, errors);
        var visibility = RegisterFields.Visibility(viewer, input.Visibility, errors);
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        var hash = Submission.Hash(input);
        var existing = await db.Set<ServiceReport>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == input.Id, cancellationToken);
        if (existing is not null)
        {
            return existing.SubmissionHash == hash ? new Submitted<ServiceReport>(existing, true) : Submission.IdReused("service report");
        }
        var report = new ServiceReport
        {
            Id = input.Id!.Value, PlaceId = place!, Service = service!.Value, Level = level!.Value, Date = date!.Value, Source = source!,
            Visibility = visibility, RecordedBy = viewer.Name, RecordedAt = Instant.Now(db.Clock), SubmissionHash = hash,
        };
        db.Add(report);
        await db.SaveChangesAsync(cancellationToken);
        return new Submitted<ServiceReport>(report, false);
    }

    public static async Task<List<ServiceReport>> ListAsync(TruceDb db, Viewer viewer, CancellationToken cancellationToken = default) =>
        [.. (await db.Set<ServiceReport>().AsNoTracking().VisibleTo(viewer).ToListAsync(cancellationToken))
            .Select(r => viewer.Disclose(r, db.PublicPrecisionM))
            .OrderBy(r => r.PlaceId, StringComparer.Ordinal).ThenBy(r => r.Service).ThenByDescending(r => r.Date)];
}
