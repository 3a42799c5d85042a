namespace Truce.Reports;

/// <summary>
/// A new report as a client sends it: a daily report names its day (date, yyyy-MM-dd), a spot report its period
/// (from, to) and headline. Corrects names the published report it corrects.
/// </summary>
public sealed record ReportInput
{
    public Guid? Id { get; init; }

    public string? Kind { get; init; }

    public string? Date { get; init; }

    public string? From { get; init; }

    public string? To { get; init; }

    public string? Headline { get; init; }

    public string? Narrative { get; init; }

    public Guid? Corrects { get; init; }
}
