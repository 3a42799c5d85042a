namespace Truce.Web;

/// <summary>The body of a report's move: the status it goes to (draft, review, published).</summary>
public sealed record ReportStatusInput(string? Status);
