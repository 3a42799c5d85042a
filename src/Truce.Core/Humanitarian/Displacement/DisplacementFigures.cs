using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Storage;

namespace Truce.Humanitarian;

/// <summary>Recording and listing the displacement register one figure at a time (the CSV import calls the same rule).</summary>
public static class DisplacementFigures
{
    public static async Task<Result<Submitted<DisplacementFigure>>> RecordAsync(TruceDb db, Viewer viewer, DisplacementFigureInput input, CancellationToken cancellationToken = default)
    {
        if (!viewer.Can(Operation.WriteRegisters))
        {
            return Failure.Forbidden($"Only humanitarian partners, analysts and administrators write the registers.");
        }
        var errors = new FieldErrors();
        RegisterFields.Id(input.Id, errors);
        var place = string.IsNullOrWhiteSpace(input.Place) ? null : await RegisterFields.PlaceAsync(db, input.Place, "place", errors, cancellationToken);
        var country = input.Country?.Trim().ToUpperInvariant() ?? "";
        if (country.Length != 3 || !country.All(char.IsAsciiLetterOrDigit))
        {
            errors.Add("country", $"'{Submission.Clip(input.Country ?? "")}' is not a country code (ISO 3166-1 alpha-3).");
        }
        var date = RegisterFields.Date(input.Date, "date", errors);
        RegisterFields.NotNegative(input.DisplacedPresent, "displacedPresent", errors);
        RegisterFields.NotNegative(input.NewDisplacement, "newDisplacement", errors);
        RegisterFields.NotNegative(input.Returns, "returns", errors);
        if (input is { DisplacedPresent: null, NewDisplacement: null, Returns: null })
        {
            errors.Add("displacedPresent", $"at least one figure is required: displaced present, new displacement or returns.");
        }
        var source = RegisterFields.Required(input.Source, "source", 200, errors);
        var visibility = RegisterFields.Visibility(viewer, input.Visibility, errors);
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        var existing = await db.Set<DisplacementFigure>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == input.Id, cancellationToken);
        var figure = new DisplacementFigure
        {
            Id = input.Id!.Value, PlaceId = place, Country = country, Date = date!.Value, DisplacedPresent = input.DisplacedPresent, NewDisplacement = input.NewDisplacement,
            Returns = input.Returns, Source = source!, Visibility = visibility, RecordedBy = viewer.Name, RecordedAt = Instant.Now(db.Clock),
        };
        if (existing is not null)
        {
            return (existing.PlaceId, existing.Country, existing.Date, existing.DisplacedPresent, existing.NewDisplacement, existing.Returns, existing.Source, existing.Visibility)
                == (figure.PlaceId, figure.Country, figure.Date, figure.DisplacedPresent, figure.NewDisplacement, figure.Returns, figure.Source, figure.Visibility)
                ? new Submitted<DisplacementFigure>(existing, true) : Submission.IdReused("displacement figure");
        }
        db.Add(figure);
        await db.SaveChangesAsync(cancellationToken);
        return new Submitted<DisplacementFigure>(figure, false);
    }

    public static async Task<List<DisplacementFigure>> ListAsync(TruceDb db, Viewer viewer, CancellationToken cancellationToken = default) =>
        [.. (await db.Set<DisplacementFigure>().AsNoTracking().VisibleTo(viewer).ToListAsync(cancellationToken))
            .Select(f => viewer.Disclose(f, db.PublicPrecisionM))
            .OrderBy(f => f.Country, StringComparer.Ordinal).ThenBy(f => f.PlaceId, StringComparer.Ordinal).ThenBy(f => f.Date).ThenBy(f => f.Id)];
}
