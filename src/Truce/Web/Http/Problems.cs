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

    public static ProblemHttpResult ToProblem(this Failure failure) =>
        TypedResults.Problem(new HttpValidationProblemDetails(failure.Errors.ToDictionary(e => e.Key, e => e.Value))
        {
            Status = Status(failure.Kind),
            Title = failure.Title,
            Type = $"https://truce.invalid/problems/{Slug.Of(failure.Kind)}",
        });

    public static ProblemHttpResult NotFound(string what) => Failure.NotFound(what).ToProblem();
}
