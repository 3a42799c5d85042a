using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Storage;

namespace Truce.Web;

/// <summary>The journal as a change feed, for replicas, webhooks and offline clients.</summary>
internal static class JournalEndpoints
{
    public static void MapJournal(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/journal", Feed).WithTags("Journal").Produces<List<Truce.Journal.JournalEntry>>().Allow(AccessRule.For(Operation.ReadJournal))
            .Reads(QueryParameter.After, QueryParameter.Limit)
            .WithSummary("The journal as a change feed: entries after a sequence number (after=0 for the start), oldest first, at most `limit` (default 500).");

    private static async Task<IResult> Feed(HttpRequest request, TruceDb db, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var after = 0L;
        var limit = 500;
        if (request.Query["after"].FirstOrDefault() is { } afterText && (!long.TryParse(afterText, out after) || after < 0))
        {
            errors.Add("after", $"must be a whole number from 0.");
        }
        if (request.Query["limit"].FirstOrDefault() is { } limitText && (!int.TryParse(limitText, out limit) || limit is < 1 or > 5000))
        {
            errors.Add("limit", $"must be a whole number from 1 to 5000.");
        }
        if (errors.Any)
        {
            return (errors.ToFailure($"The journal parameters are invalid.") with { Kind = FailureKind.Malformed }).ToProblem();
        }
        var entries = await db.Journal.AsNoTracking().Where(e => e.Seq > after).OrderBy(e => e.Seq).Take(limit).ToListAsync(cancellationToken);
        return TypedResults.Ok(entries);
    }
}
