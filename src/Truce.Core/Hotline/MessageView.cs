namespace Truce.Hotline;

/// <summary>A message with its escalation level at the moment it is read (<see cref="EscalationRules.Level"/>).</summary>
public sealed record MessageView(HotlineMessage Message, int Level);
