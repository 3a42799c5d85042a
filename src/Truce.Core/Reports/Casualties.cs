namespace Truce.Reports;

/// <summary>People killed and injured in the counted incidents, each incident counted once (the highest figure any of its reports gives).</summary>
public sealed record Casualties(int CiviliansKilled, int CiviliansInjured, int CombatantsKilled, int CombatantsInjured)
{
    public int Total => CiviliansKilled + CiviliansInjured + CombatantsKilled + CombatantsInjured;
}
