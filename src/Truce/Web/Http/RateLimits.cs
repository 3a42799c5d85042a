using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Truce.Web;

/// <summary>
/// Sign-in attempts are limited per client address (a password-guessing brake in front of the lockout);
/// submissions per user (a stuck or hostile field client cannot flood the mission). Each answers 429 with a problem
/// detail and Retry-After. The limits are <see cref="TruceSettings.SignInsPerMinute"/> and
/// <see cref="TruceSettings.SubmissionsPerMinute"/> (0 turns a limit off). Evidence is counted per file, not per request,
/// by the <see cref="EvidenceGate"/> registered here.
/// </summary>
internal static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string Submissions = "submissions";

    public static IServiceCollection AddTruceRateLimits(this IServiceCollection services, TruceSettings settings)
    {
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, cancellationToken) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
                await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: FailureText.Say($"Too many requests; try again after the time in Retry-After."))
                    .ExecuteAsync(context.HttpContext);
            };
            options.AddPolicy(SignIn, context => Window(ClientAddress.Of(context), settings.SignInsPerMinute));
            options.AddPolicy(Submissions, context => Window(User(context), settings.SubmissionsPerMinute));
        });
        services.AddSingleton<EvidenceGate>();
        return services;
    }

    private static string User(HttpContext context) =>
        context.Viewer().UserId?.ToString() ?? ClientAddress.Of(context);

    private static RateLimitPartition<string> Window(string key, int perMinute) => perMinute <= 0
        ? RateLimitPartition.GetNoLimiter(key)
        : RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = perMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
}
