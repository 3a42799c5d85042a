namespace Truce.Humanitarian;

public enum AssetKind
{
    Road,
    Bridge,
    Water,
    Power,
    Gas,
    School,
    Clinic,
    Hospital,
    Telecom,
    Housing,
}
