namespace Truce.Hotline;

/// <summary>What a hotline message is; each kind has its own acknowledgement deadline (<see cref="HotlineDeadlines"/>).</summary>
public enum MessageKind
{
    Notice,
    Inquiry,
    Protest,
    Reply,
}
