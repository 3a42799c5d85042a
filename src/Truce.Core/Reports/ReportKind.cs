namespace Truce.Reports;

/// <summary>A daily report covers one UTC day; a spot report covers one event or period the mission chooses.</summary>
public enum ReportKind
{
    Daily,
    Spot,
}
