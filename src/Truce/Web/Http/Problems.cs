using Microsoft.AspNetCore.Http.HttpResults;

namespace Truce.Web;

/// <summary>Expected failures as RFC 9457 problem details, each bad field named in "errors".</summary>
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
        _ => StatusCodes.Status400BadRequest,
    };

    /// <summary>The failure as problem details; the title and messages in the request's language, the field names and type as they are.</summary>
    public static ProblemHttpResult ToProblem(this Failure failure) =>
        TypedResults.Problem(new HttpValidationProblemDetails(failure.LocalErrors().ToDictionary(e => e.Key, e => e.Value))
        {
            Status = Status(failure.Kind),
            Title = failure.LocalTitle(),
            Type = $"https://truce.invalid/problems/{Slug.Of(failure.Kind)}",
        });

    public static ProblemHttpResult NotFound(string what) => Failure.NotFound(what).ToProblem();
}
