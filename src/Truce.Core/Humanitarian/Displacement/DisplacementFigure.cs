using Truce.Access;

namespace Truce.Humanitarian;

/// <summary>
/// One figure of displacement or return for a place (or a whole country) at a date, as a source gave it. A later
/// figure is a new row; nothing is rewritten, so the register is the history.
/// </summary>
public sealed class DisplacementFigure : IHumanitarianRecord
{
    /// <summary>For an import, derived from the source's row (see <see cref="DisplacementImport"/>), so a re-import adds nothing.</summary>
    public Guid Id { get; set; }

    /// <summary>The gazetteer place (<see cref="Gazetteer.Place.Id"/>); null for a country-level figure.</summary>
    public string? PlaceId { get; set; }

    /// <summary>ISO 3166-1 alpha-3 of the country the figure is for ("AZE").</summary>
    public string Country { get; set; } = "";

    /// <summary>The date the figure holds at (a year's figures: 31 December).</summary>
    public DateOnly Date { get; set; }

    /// <summary>People displaced and still away (stock), persons.</summary>
    public long? DisplacedPresent { get; set; }

    /// <summary>New displacements in the period ending at <see cref="Date"/> (flow), persons.</summary>
    public long? NewDisplacement { get; set; }

    /// <summary>Returns in the period ending at <see cref="Date"/>, persons.</summary>
    public long? Returns { get; set; }

    public string Source { get; set; } = "";

    public Visibility Visibility { get; set; }

    public string RecordedBy { get; set; } = "";

    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>This entry without the account that recorded it: the form shown outside the mission and the partners.</summary>
    public DisplacementFigure WithoutRecorder()
    {
        var copy = (DisplacementFigure)MemberwiseClone();
        copy.RecordedBy = "";
        return copy;
    }
}
