namespace Truce.Humanitarian;

/// <summary>Why a place stands where it does; each code has one sentence in the page text (Readiness.Reason.*).</summary>
public enum ReasonCode
{
    RecentIncident,
    HazardAtPlace,
    HazardNearby,
    ServiceUnavailable,
    ServicePartial,
    ServiceUnknown,
    AssetDamaged,
    Returns,
}
