namespace Truce.Web;

/// <summary>One reason: its weight (blocker, concern, note), code, what it is about (id and name) and the deciding figure.</summary>
public sealed record ReadinessReasonJson(string Weight, string Code, string SubjectId, string Subject, string Detail);
