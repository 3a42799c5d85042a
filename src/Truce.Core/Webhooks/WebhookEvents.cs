namespace Truce.Webhooks;

/// <summary>
/// The events a subscription may ask for, named as partner systems read them. Hotline events go only to a party's
/// subscription and only for that party's threads; report events carry what the public may read.
/// </summary>
public static class WebhookEvents
{
    public const string HotlineMessage = "hotline.message";
    public const string HotlineEscalated = "hotline.escalated";
    public const string HotlineAcknowledged = "hotline.acknowledged";
    public const string ReportPublished = "report.published";
    public const string ReportCorrected = "report.corrected";

    public static IReadOnlyList<string> All { get; } = [HotlineMessage, HotlineEscalated, HotlineAcknowledged, ReportPublished, ReportCorrected];

    public static bool IsHotline(string name) => name.StartsWith("hotline.", StringComparison.Ordinal);
}
