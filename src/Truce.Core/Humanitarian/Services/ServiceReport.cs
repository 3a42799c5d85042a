using Truce.Access;

namespace Truce.Humanitarian;

/// <summary>The state of one basic service in one place at a date, as a source reported it; the latest report counts.</summary>
public sealed class ServiceReport : IHumanitarianRecord
{
    public Guid Id { get; set; }

    public string PlaceId { get; set; } = "";

    public ServiceKind Service { get; set; }

    public ServiceLevel Level { get; set; }

    public DateOnly Date { get; set; }

    public string Source { get; set; } = "";

    public Visibility Visibility { get; set; }

    public string RecordedBy { get; set; } = "";

    public DateTimeOffset RecordedAt { get; set; }

    public string SubmissionHash { get; set; } = "";

    /// <summary>This entry without the account that recorded it: the form shown outside the mission and the partners.</summary>
    public ServiceReport WithoutRecorder()
    {
        var copy = (ServiceReport)MemberwiseClone();
        copy.RecordedBy = "";
        return copy;
    }
}
