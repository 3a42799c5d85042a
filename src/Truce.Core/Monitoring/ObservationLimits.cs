namespace Truce.Monitoring;

/// <summary>
/// The bounds <see cref="ObservationRules"/> holds a submission to, stated once: the rules use them, and
/// <see cref="ObservationInput"/> carries them as attributes, which the OpenAPI document (and through it the field
/// client) and the XForm for ODK Collect read, so no client has the bounds written out by hand.
/// </summary>
public static class ObservationLimits
{
    /// <summary>The largest count of anything (items, casualties), and the longest distance or view range, in metres.</summary>
    public const int MaxCount = 100_000;

    /// <summary>The coarsest location precision, in metres.</summary>
    public const int MaxPrecisionM = 1_000_000;

    public const int MaxNarrative = 10_000;

    /// <summary>The longest short text (a place name, the weather, a source), in characters.</summary>
    public const int MaxShortText = 200;

    /// <summary>The longest party id, in characters.</summary>
    public const int MaxPartyId = 40;
}
