namespace Truce.Web;

/// <summary>One try: when, the receiver's HTTP status (null: not reached) and the failure.</summary>
internal sealed record WebhookAttemptJson(int Number, DateTimeOffset At, int? Status, string? Error);
