namespace Truce.Humanitarian;

public enum ServiceLevel
{
    Available,
    /// <summary>Some of the time or some of the place (rationed, a few streets, one clinic of three).</summary>
    Partial,
    Unavailable,
}
