namespace Truce.Activities;

/// <summary>How long before its start each kind of activity must be notified (settings Activities:LeadHours:*); less is late notice.</summary>
public sealed record LeadTimes(TimeSpan Rotation, TimeSpan Exercise, TimeSpan EngineeringWorks, TimeSpan Demining, TimeSpan LiveFiring)
{
    public static LeadTimes Default { get; } = new(
        TimeSpan.FromHours(48), TimeSpan.FromHours(48), TimeSpan.FromHours(48), TimeSpan.FromHours(48), TimeSpan.FromHours(48));

    public TimeSpan For(ActivityKind kind) => kind switch
    {
        ActivityKind.Rotation => Rotation,
        ActivityKind.Exercise => Exercise,
        ActivityKind.EngineeringWorks => EngineeringWorks,
        ActivityKind.Demining => Demining,
        _ => LiveFiring,
    };
}
