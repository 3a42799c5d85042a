using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

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
        FailureKind.Malformed => FailureText.Say($"The request cannot be read."),
        FailureKind.Conflict => FailureText.Say($"The request conflicts with what is stored."),
        FailureKind.NotFound => FailureText.Say($"The record was not found."),
        FailureKind.Forbidden => FailureText.Say($"This is not allowed."),
        FailureKind.TooLarge => FailureText.Say($"The request is too large."),
        FailureKind.Busy => FailureText.Say($"The server is busy; try again after the time in Retry-After."),
        _ => FailureText.Say($"The request has invalid fields."),
    };

    /// <summary>
    /// Problem details the framework writes with its own English title (an unknown API address, a method or media type
    /// no endpoint takes, an unhandled error) get a sentence in the request's language, like every other problem.
    /// </summary>
    public static void Customize(ProblemDetailsOptions options) => options.CustomizeProblemDetails = context =>
    {
        var problem = context.ProblemDetails;
        if (problem.Status is { } status && (problem.Title is null || problem.Title == ReasonPhrases.GetReasonPhrase(status) || problem.Title == FrameworkErrorTitle))
        {
            problem.Title = StatusTitle(status);
        }
    };

    /// <summary>The framework's title of a 500.</summary>
    private const string FrameworkErrorTitle = "An error occurred while processing your request.";

    private static string StatusTitle(int status) => status switch
    {
        StatusCodes.Status400BadRequest => FailureText.Say($"The request cannot be read."),
        StatusCodes.Status401Unauthorized => FailureText.Say($"Sign in or send a bearer token."),
        StatusCodes.Status403Forbidden => FailureText.Say($"This is not allowed."),
        StatusCodes.Status404NotFound => FailureText.Say($"Nothing is at this address."),
        StatusCodes.Status405MethodNotAllowed => FailureText.Say($"This address does not take this method."),
        StatusCodes.Status406NotAcceptable => FailureText.Say($"This address cannot answer in the media type asked for."),
        StatusCodes.Status409Conflict => FailureText.Say($"The request conflicts with what is stored."),
        StatusCodes.Status413PayloadTooLarge => FailureText.Say($"The request is too large."),
        StatusCodes.Status415UnsupportedMediaType => FailureText.Say($"This address does not take a body of this media type."),
        StatusCodes.Status422UnprocessableEntity => FailureText.Say($"The request has invalid fields."),
        StatusCodes.Status429TooManyRequests => FailureText.Say($"Too many requests; try again after the time in Retry-After."),
        StatusCodes.Status503ServiceUnavailable => FailureText.Say($"The server is busy; try again after the time in Retry-After."),
        _ => FailureText.Say($"The server failed to answer this request; it is logged."),
    };

    /// <summary>The problem type URI of a kind of failure (its slug: invalid, malformed, not_found, unauthorized...).</summary>
    public static string TypeOf(string kind) => $"https://truce.invalid/problems/{kind}";

    public static ProblemHttpResult NotFound(string what) => Failure.NotFound(what).ToProblem();
}
