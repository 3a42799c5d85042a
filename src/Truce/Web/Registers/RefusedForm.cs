namespace Truce.Web;

/// <summary>
/// A register form the Core call refused: which of the page's forms (its <c>name</c>), the failure shown beside it
/// naming each field, and what was typed, so the form is filled again (its id too, so a corrected retry is one record).
/// </summary>
public sealed record RefusedForm(string Form, Failure Failure, IReadOnlyDictionary<string, string> Values);

/// <summary>What a page's form shows of a refusal: nothing unless the refused form is this one.</summary>
internal static class RefusedForms
{
    public static Failure? FailureOf(this RefusedForm? refused, string form) => refused is { } r && r.Form == form ? r.Failure : null;

    public static string? ValueOf(this RefusedForm? refused, string form, string field) =>
        refused is { } r && r.Form == form ? r.Values.GetValueOrDefault(field) : null;

    /// <summary>A refused form keeps its id, so that the corrected retry is the same record; every other form gets a fresh one.</summary>
    public static string IdOf(this RefusedForm? refused, string form) => refused.ValueOf(form, "id") ?? Guid.CreateVersion7().ToString();
}
