namespace Truce.Humanitarian;

public enum ProjectStatus
{
    Planned,
    Funded,
    Underway,
    Completed,
    Suspended,
}
