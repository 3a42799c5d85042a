
namespace Truce.Hotline;

/// <summary>
/// How long the addressed party has to acknowledge each kind of message, and how often a lapsed one escalates again
/// (settings Hotline:AckHours:* and Hotline:RepeatHours).
/// </summary>
public sealed record HotlineDeadlines(TimeSpan Notice, TimeSpan Inquiry, TimeSpan Protest, TimeSpan Reply, TimeSpan Repeat)
{
    public static HotlineDeadlines Default { get; } = new(
        TimeSpan.FromHours(24), TimeSpan.FromHours(6), TimeSpan.FromHours(2), TimeSpan.FromHours(24), TimeSpan.FromHours(4));

    public TimeSpan For(MessageKind kind) => kind switch
    {
        MessageKind.Notice => Notice,
        MessageKind.Inquiry => Inquiry,
        MessageKind.Protest => Protest,
        _ => Reply,
    };
}
