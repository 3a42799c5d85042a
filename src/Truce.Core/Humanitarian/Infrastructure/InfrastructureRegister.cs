using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Storage;

namespace Truce.Humanitarian;

/// <summary>
/// Recording infrastructure assets, their damage assessments and rehabilitation projects: the API, the forms and the
/// CSV import all call these, so one set of rules decides. Each is a new row, journaled; a retry under the same id with
/// the same content is recognised, another content under it refused.
/// </summary>
public static class InfrastructureRegister
{
    public static async Task<Result<Submitted<InfrastructureAsset>>> AddAssetAsync(TruceDb db, Viewer viewer, InfrastructureAssetInput input, CancellationToken cancellationToken = default)
    {
        if (!viewer.Can(Operation.WriteRegisters))
        {
            return Failure.Forbidden($"Only humanitarian partners, analysts and administrators write the registers.");
        }
        var errors = new FieldErrors();
        RegisterFields.Id(input.Id, errors);
        var name = RegisterFields.Required(input.Name, "name", 200, errors);
        var kind = RegisterFields.Choice<AssetKind>(input.Kind, "kind", errors);
        var placeId = await RegisterFields.PlaceAsync(db, input.Place, "place", errors, cancellationToken);
        var (latitude, longitude) = RegisterFields.Position(input.Latitude, input.Longitude, errors);
        var visibility = RegisterFields.Visibility(viewer, input.Visibility, errors);
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        var hash = Submission.Hash(input);
        var existing = await db.Set<InfrastructureAsset>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == input.Id, cancellationToken);
        if (existing is not null)
        {
            return existing.SubmissionHash == hash ? new Submitted<InfrastructureAsset>(existing, true) : Submission.IdReused("infrastructure asset");
        }
        var place = await db.Set<Gazetteer.Place>().AsNoTracking().FirstAsync(p => p.Id == placeId, cancellationToken);
        var asset = new InfrastructureAsset
        {
            Id = input.Id!.Value, Name = name!, Kind = kind!.Value, PlaceId = place.Id, Latitude = latitude ?? place.Latitude, Longitude = longitude ?? place.Longitude,
            Visibility = visibility, RecordedAt = Instant.Now(db.Clock), SubmissionHash = hash,
        };
        db.Add(asset);
        await db.SaveChangesAsync(cancellationToken);
        return new Submitted<InfrastructureAsset>(asset, false);
    }

    public static async Task<Result<Submitted<DamageAssessment>>> AssessDamageAsync(TruceDb db, Viewer viewer, DamageAssessmentInput input, CancellationToken cancellationToken = default)
    {
        if (!viewer.Can(Operation.WriteRegisters))
        {
            return Failure.Forbidden($"Only humanitarian partners, analysts and administrators write the registers.");
        }
        var errors = new FieldErrors();
        RegisterFields.Id(input.Id, errors);
        await AssetAsync(db, viewer, input.Asset, errors, cancellationToken);
        var level = RegisterFields.Choice<DamageLevel>(input.Level, "level", errors);
        var date = RegisterFields.Date(input.Date, "date", errors);
        var source = RegisterFields.Required(input.Source, "source", 200, errors);
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        var assessment = new DamageAssessment
        {
            Id = input.Id!.Value, AssetId = input.Asset!.Value, Level = level!.Value, Date = date!.Value, Source = source!, RecordedBy = viewer.Name, RecordedAt = Instant.Now(db.Clock),
        };
        var existing = await db.Set<DamageAssessment>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == input.Id, cancellationToken);
        if (existing is not null)
        {
            return (existing.AssetId, existing.Level, existing.Date, existing.Source) == (assessment.AssetId, assessment.Level, assessment.Date, assessment.Source)
                ? new Submitted<DamageAssessment>(existing, true) : Submission.IdReused("damage assessment");
        }
        db.Add(assessment);
        await db.SaveChangesAsync(cancellationToken);
        return new Submitted<DamageAssessment>(assessment, false);
    }

    public static async Task<Result<Submitted<RehabilitationProject>>> AddProjectAsync(TruceDb db, Viewer viewer, RehabilitationProjectInput input, CancellationToken cancellationToken = default)
    {
        if (!viewer.Can(Operation.WriteRegisters))
        {
            return Failure.Forbidden($"Only humanitarian partners, analysts and administrators write the registers.");
        }
        var errors = new FieldErrors();
        RegisterFields.Id(input.Id, errors);
        await AssetAsync(db, viewer, input.Asset, errors, cancellationToken);
        var name = RegisterFields.Required(input.Name, "name", 200, errors);
        var status = RegisterFields.Choice<ProjectStatus>(input.Status, "status", errors);
        var progress = Submission.Range(input.ProgressPercent, "progressPercent", 0, 100, 0, errors);
        if (input.BudgetUsd is < 0)
        {
            errors.Add("budgetUsd", $"'{input.BudgetUsd}' is negative; a budget in US dollars cannot be.");
        }
        var funder = Submission.Text(input.Funder, "funder", 200, errors) ?? "";
        var starts = string.IsNullOrWhiteSpace(input.Starts) ? null : RegisterFields.Date(input.Starts, "starts", errors);
        var ends = string.IsNullOrWhiteSpace(input.Ends) ? null : RegisterFields.Date(input.Ends, "ends", errors);
        if (starts is { } from && ends is { } to && to < from)
        {
            errors.Add("ends", $"'{to:yyyy-MM-dd}' is before the start ({from:yyyy-MM-dd}).");
        }
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        var project = new RehabilitationProject
        {
            Id = input.Id!.Value, AssetId = input.Asset!.Value, Name = name!, Status = status!.Value, ProgressPercent = progress, BudgetUsd = input.BudgetUsd,
            Funder = funder, Starts = starts, Ends = ends, UpdatedAt = Instant.Now(db.Clock),
        };
        var existing = await db.Set<RehabilitationProject>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == input.Id, cancellationToken);
        if (existing is not null)
        {
            return (existing.AssetId, existing.Name, existing.Status, existing.ProgressPercent, existing.BudgetUsd, existing.Funder, existing.Starts, existing.Ends)
                == (project.AssetId, project.Name, project.Status, project.ProgressPercent, project.BudgetUsd, project.Funder, project.Starts, project.Ends)
                ? new Submitted<RehabilitationProject>(existing, true) : Submission.IdReused("rehabilitation project");
        }
        db.Add(project);
        await db.SaveChangesAsync(cancellationToken);
        return new Submitted<RehabilitationProject>(project, false);
    }

    /// <summary>The assets the viewer may read, as the access policy shows them, by place and name.</summary>
    public static async Task<List<InfrastructureAsset>> AssetsAsync(TruceDb db, Viewer viewer, CancellationToken cancellationToken = default) =>
        [.. (await db.Set<InfrastructureAsset>().AsNoTracking().VisibleTo(viewer).ToListAsync(cancellationToken))
            .Select(a => viewer.Disclose(a, db.PublicPrecisionM))
            .OrderBy(a => a.PlaceId, StringComparer.Ordinal).ThenBy(a => a.Name, StringComparer.Ordinal).ThenBy(a => a.Id)];

    /// <summary>The damage assessments of the assets the viewer may read (an assessment is read with its asset).</summary>
    public static async Task<List<DamageAssessment>> DamageAsync(TruceDb db, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var assets = await db.Set<InfrastructureAsset>().AsNoTracking().VisibleTo(viewer).Select(a => a.Id).ToListAsync(cancellationToken);
        var rows = await db.Set<DamageAssessment>().AsNoTracking().Where(d => assets.Contains(d.AssetId)).ToListAsync(cancellationToken);
        return [.. rows.Select(viewer.DiscloseDamage).OrderBy(d => d.AssetId).ThenBy(d => d.Date).ThenBy(d => d.Id)];
    }

    /// <summary>The projects on the assets the viewer may read.</summary>
    public static async Task<List<RehabilitationProject>> ProjectsAsync(TruceDb db, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var assets = await db.Set<InfrastructureAsset>().AsNoTracking().VisibleTo(viewer).Select(a => a.Id).ToListAsync(cancellationToken);
        return [.. (await db.Set<RehabilitationProject>().AsNoTracking().Where(p => assets.Contains(p.AssetId)).ToListAsync(cancellationToken))
            .OrderBy(p => p.AssetId).ThenBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Id)];
    }

    /// <summary>An asset named by a damage assessment or a project: it must exist and the writer must be able to read it.</summary>
    private static async Task AssetAsync(TruceDb db, Viewer viewer, Guid? asset, FieldErrors errors, CancellationToken cancellationToken)
    {
        if (asset is null || asset == Guid.Empty)
        {
            errors.Add("asset", $"is required: the id of an infrastructure asset.");
        }
        else if (!await db.Set<InfrastructureAsset>().AsNoTracking().VisibleTo(viewer).AnyAsync(a => a.Id == asset, cancellationToken))
        {
            errors.Add("asset", $"'{asset}' is not an infrastructure asset of the register.");
        }
    }
}
