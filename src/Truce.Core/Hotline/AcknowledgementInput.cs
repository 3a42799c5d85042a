namespace Truce.Hotline;

/// <summary>The addressed party acknowledges one message of a thread.</summary>
public sealed record AcknowledgementInput
{
    public Guid? MessageId { get; init; }
}
