namespace Truce.Reports;

/// <summary>Where a report is in its workflow: written, checked by a second analyst, then public and unchangeable.</summary>
public enum ReportStatus
{
    Draft,
    Review,
    Published,
}
