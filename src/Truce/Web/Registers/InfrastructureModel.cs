using Truce.Humanitarian;

namespace Truce.Web;

/// <summary>
/// What the page <see cref="InfrastructurePage"/> shows: the assets the viewer may read with their damage assessments
/// (as the access policy discloses them) and projects, the names of their places, and the forms for the registers' writers.
/// </summary>
public sealed record InfrastructureModel(
    Chrome Chrome, IReadOnlyList<InfrastructureAsset> Assets, IReadOnlyList<DamageAssessment> Damage, IReadOnlyList<RehabilitationProject> Projects,
    IReadOnlyDictionary<string, string> PlaceNames, RefusedForm? Refused) : IPageModel<InfrastructurePage>
{
    public Failure? Problem => Refused?.Failure;

    public string AssetName(Guid id) => Assets.FirstOrDefault(a => a.Id == id)?.Name ?? id.ToString();

    public string PlaceName(string id) => PlaceNames.GetValueOrDefault(id, id);

    /// <summary>An asset's latest damage assessment (by date, then as recorded), the one readiness counts.</summary>
    public DamageAssessment? LatestDamage(Guid asset) =>
        Damage.Where(d => d.AssetId == asset).OrderByDescending(d => d.Date).ThenByDescending(d => d.RecordedAt).FirstOrDefault();
}
