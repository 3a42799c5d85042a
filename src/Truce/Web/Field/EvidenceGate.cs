using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Truce.Access;

namespace Truce.Web;

/// <summary>
/// One rule for every way evidence arrives: the multipart upload, the field client's parts and an OpenRosa post's
/// attachments. A request judged by the browser's cookie (it carries no Authorization header) must carry the
/// antiforgery token of a Truce page, since another site's page can make a browser send its cookie. And each user may
/// start at most <see cref="TruceSettings.EvidencePerMinute"/> files a minute (0: no limit): counted per file, not per
/// request, so that a file sent in forty parts counts once and an OpenRosa post with three attachments counts three.
/// </summary>
internal sealed class EvidenceGate(TruceSettings settings, IAntiforgery antiforgery) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _files = PartitionedRateLimiter.Create<string, string>(user => settings.EvidencePerMinute <= 0
        ? RateLimitPartition.GetNoLimiter(user)
        : RateLimitPartition.GetFixedWindowLimiter(user, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = settings.EvidencePerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
        }));

    /// <summary>Null when the request may go on to store <paramref name="files"/> new files; otherwise the refusal (400 or 429).</summary>
    public async Task<ProblemHttpResult?> RefuseAsync(HttpContext context, Viewer viewer, int files)
    {
        if (context.Request.Headers.Authorization.Count == 0 && !await antiforgery.IsRequestValidAsync(context))
        {
            return Failure.Field(FailureKind.Malformed, "__RequestVerificationToken",
                $"a signed-in browser must send the antiforgery token of a Truce page with an upload.").ToProblem();
        }
        if (files <= 0)
        {
            return null;
        }
        var user = viewer.UserId?.ToString() ?? context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        using var lease = _files.AttemptAcquire(user, Math.Min(files, Math.Max(settings.EvidencePerMinute, 1)));
        if (lease.IsAcquired)
        {
            return null;
        }
        if (lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }
        return TypedResults.Problem(new ProblemDetails
        {
            Status = StatusCodes.Status429TooManyRequests,
            Title = "Too many requests; try again after the time in Retry-After.",
            Type = Problems.TypeOf("too_many_requests"),
        });
    }

    public void Dispose() => _files.Dispose();
}
