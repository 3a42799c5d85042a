namespace Truce.Verification;

/// <summary>
/// The NATO / Admiralty grading: the reliability of the source (A–F) and the credibility of the
/// information (1–6) are judged separately and never combined into one number.
/// </summary>
public static class Admiralty
{
    public static bool IsReliability(char grade) => grade is >= 'A' and <= 'F';

    public static bool IsCredibility(int grade) => grade is >= 1 and <= 6;

    public static string Reliability(char grade) => grade switch
    {
        'A' => "Completely reliable",
        'B' => "Usually reliable",
        'C' => "Fairly reliable",
        'D' => "Not usually reliable",
        'E' => "Unreliable",
        _ => "Reliability cannot be judged",
    };

    public static string Credibility(int grade) => grade switch
    {
        1 => "Confirmed by other sources",
        2 => "Probably true",
        3 => "Possibly true",
        4 => "Doubtful",
        5 => "Improbable",
        _ => "Truth cannot be judged",
    };
}
