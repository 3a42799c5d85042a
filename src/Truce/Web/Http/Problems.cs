using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Truce.Web;

/// <summary>
/// Expected failures as RFC 9457 problem details, each bad field named in "errors" (absent when no field is to
/// blame, as for a 404). The convention, also in README's "JSON API": 400 for what cannot be read (malformed JSON,
/// a value of the wrong type, an unknown field, any bad query parameter), 422 for a readable body that breaks a
/// rule, 401/403/404/409/413/429/503 as HTTP means them; the title is one sentence.
/// </summary>
internal static class Problems
{
    public static int Status(FailureKind kind) => kind switch
    {
        FailureKind.Invalid => StatusCodes.Status422UnprocessableEntity,
        FailureKind.Malformed => StatusCodes.Status400BadRequest,
        FailureKind.Conflict => StatusCodes.Status409Conflict,
        FailureKind.NotFound => StatusCodes.Status404NotFound,
        FailureKind.Forbidden => StatusCodes.Status403Forbidden,
        FailureKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
        FailureKind.Busy => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status400BadRequest,
    };

    public static ProblemHttpResult ToProblem(this Failure failure)
    {
        var problem = failure.Errors.Count == 0
            ? new ProblemDetails()
            : new HttpValidationProblemDetails(failure.LocalErrors().ToDictionary(e => e.Key, e => e.Value));
        problem.Status = Status(failure.Kind);
        // The title and messages in the request's language; the field names and the type as they are.
        problem.Title = IsSentence(failure.Title) ? failure.LocalTitle() : Title(failure.Kind);
        problem.Type = TypeOf(Slug.Of(failure.Kind));
        return TypedResults.Problem(problem);
    }

    /// <summary>A field's message ("must be a number") is not a title; its field and words stay in "errors".</summary>
    private static bool IsSentence(string title) => title.Length > 0 && char.IsUpper(title[0]) && title.EndsWith('.');

    private static string Title(FailureKind kind) => kind switch
    {
        FailureKind.Malformed => "The request cannot be read.",
        FailureKind.Conflict => "The request conflicts with what is stored.",
        FailureKind.NotFound => "The record was not found.",
        FailureKind.Forbidden => "This is not allowed.",
        FailureKind.TooLarge => "The request is too large.",
        FailureKind.Busy => "The server is busy; try again after the time in Retry-After.",
        _ => "The request has invalid fields.",
    };

    /// <summary>The problem type URI of a kind of failure (its slug: invalid, malformed, not_found, unauthorized...).</summary>
    public static string TypeOf(string kind) => $"https://truce.invalid/problems/{kind}";

    public static ProblemHttpResult NotFound(string what) => Failure.NotFound(what).ToProblem();
}
