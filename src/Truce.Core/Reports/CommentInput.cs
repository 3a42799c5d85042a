namespace Truce.Reports;

/// <summary>A reader's comment as the form sends it. Website is the honeypot: a field people do not see and bots fill in.</summary>
public sealed record CommentInput(string? Name, string? Text, string? Website);
