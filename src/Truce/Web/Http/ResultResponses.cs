using Microsoft.AspNetCore.Http.HttpResults;

namespace Truce.Web;

/// <summary>A Core <see cref="Result{T}"/> as an HTTP answer, decided here once: the value's JSON, or the failure's problem.</summary>
internal static class ResultResponses
{
    public static async Task<Results<Ok<TJson>, ProblemHttpResult>> ToOkAsync<T, TJson>(this Task<Result<T>> pending, Func<T, TJson> json)
    {
        var result = await pending;
        return result.Failure is { } failure ? failure.ToProblem() : TypedResults.Ok(json(result.Value!));
    }

    /// <summary>201 at the new record's address; 200 for a retry, which answers the first result; or the problem.</summary>
    public static async Task<Results<Created<TJson>, Ok<TJson>, ProblemHttpResult>> ToCreatedAsync<T, TJson>(
        this Task<Result<Submitted<T>>> pending, Func<T, string> location, Func<T, TJson> json)
    {
        var result = await pending;
        if (result.Failure is { } failure)
        {
            return failure.ToProblem();
        }
        var (record, replayed) = result.Value!;
        return replayed ? TypedResults.Ok(json(record)) : TypedResults.Created(location(record), json(record));
    }
}
