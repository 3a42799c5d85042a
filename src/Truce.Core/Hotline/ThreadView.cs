namespace Truce.Hotline;

/// <summary>A thread as a viewer reads it: its messages in order, each with the escalation level it has now.</summary>
public sealed record ThreadView(HotlineThread Thread, IReadOnlyList<MessageView> Messages)
{
    /// <summary>The highest escalation of any message that is still unacknowledged.</summary>
    public int OpenEscalation => Messages.Where(m => m.Message.AcknowledgedAt is null).Select(m => m.Level).DefaultIfEmpty(0).Max();
}
