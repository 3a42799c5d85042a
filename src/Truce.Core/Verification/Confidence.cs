namespace Truce.Verification;

/// <summary>How sure the mission is of an attribution, kept apart from the grade of the information.</summary>
public enum Confidence
{
    Low,
    Medium,
    High,
}
