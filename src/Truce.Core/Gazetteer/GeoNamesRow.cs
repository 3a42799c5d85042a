using Truce.Import;

namespace Truce.Gazetteer;

/// <summary>One line of a GeoNames file read as records to add, or the errors that refuse it (line and field named).</summary>
public sealed record GeoNamesRow(int Line, Place? Place, IReadOnlyList<PlaceName> Names, IReadOnlyList<RowError> Errors)
{
    /// <summary>A line the importer passes over by design (an alternate that is a link or a code, not a name).</summary>
    public bool Skipped => Place is null && Names.Count == 0 && Errors.Count == 0;
}
