namespace Truce.Mission;

/// <summary>What every page's frame says about the mission: its name, and whether it is an exercise (a banner says so).</summary>
public sealed record MissionIdentity(string Name, bool Exercise)
{
    /// <summary>The name of a mission that has not been given one (`truce mission set --name`).</summary>
    public const string DefaultName = "Monitoring mission";
}
