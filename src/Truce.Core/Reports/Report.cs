using Truce.Access;

namespace Truce.Reports;

/// <summary>
/// A situation report: the figures of its period, computed from what the public may see, and the analysts' narrative.
/// Published, it is never changed again; a correction is a new report that names the one it corrects.
/// </summary>
public sealed class Report : IHasVisibility
{
    public Guid Id { get; set; }

    public ReportKind Kind { get; set; }

    public ReportStatus Status { get; set; }

    /// <summary>Internal until published, then public: the workflow decides it, nobody sets it by hand.</summary>
    public Visibility Visibility { get; set; }

    /// <summary>The year the number counts in: the year the period starts in (UTC).</summary>
    public int Year { get; set; }

    /// <summary>The report's number within its kind and year ("Daily Report 203/2026"), given at publication.</summary>
    public int? Number { get; set; }

    /// <summary>The period covered, [from, to).</summary>
    public DateTimeOffset PeriodFrom { get; set; }

    public DateTimeOffset PeriodTo { get; set; }

    /// <summary>A spot report's subject ("Shelling near Tartar"); optional for a daily report.</summary>
    public string? Headline { get; set; }

    /// <summary>The analysts' narrative in Markdown, rendered and sanitised by <see cref="Narrative"/>.</summary>
    public string Narrative { get; set; } = "";

    /// <summary>The figures as JSON (<see cref="ReportFigures"/>), frozen at publication.</summary>
    public string FiguresJson { get; set; } = "{}";

    /// <summary>Zone ids with an incident in the period, space-separated: what related reports and zone feeds match on.</summary>
    public string Zones { get; set; } = "";

    /// <summary>Category slugs with an incident in the period, space-separated (the report's topics).</summary>
    public string Topics { get; set; } = "";

    /// <summary>The published report this one corrects.</summary>
    public Guid? CorrectsId { get; set; }

    /// <summary>The parties' replies to disputed attributions, incident id to text, as JSON; given while the report is in review.</summary>
    public string RepliesJson { get; set; } = "{}";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    public string SubmissionHash { get; set; } = "";
}
