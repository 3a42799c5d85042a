using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Storage;

namespace Truce.Field;

/// <summary>A field session started on a device: the monitor, the token the device sends, and when it ends.</summary>
public sealed record FieldSession(Viewer Viewer, ApiToken Token, string Secret);

/// <summary>
/// Sign-in on a shared field device: a bearer token that lasts one patrol, ended from the device or revoked by the
/// mission like any token (`truce token revoke`). It is a token, not a cookie, so that the device's outbox sends each
/// report under the session of the monitor who recorded it, and a cross-site page cannot send as that monitor.
/// </summary>
public static class FieldSessions
{
    public const int DefaultHours = 12;

    /// <summary>The longest patrol a session may last, in hours: three days out, then sign in again.</summary>
    public const int MaxHours = 72;

    public static async Task<Result<FieldSession>> StartAsync(
        TruceDb db, string name, string password, string client, int? hours, string? device, CancellationToken cancellationToken = default)
    {
        if (hours is < 1 or > MaxHours)
        {
            return Failure.Field(FailureKind.Invalid, "hours", $"must be between {1} and {MaxHours}.");
        }
        var signIn = await Users.SignInAsync(db, name, password, client, cancellationToken);
        if (signIn.User is not { } user)
        {
            return Failure.Field(FailureKind.Invalid, "password", $"The name or password is wrong, or the account is locked.");
        }
        var viewer = Users.ViewerOf(user);
        if (!viewer.Can(Operation.SubmitObservation))
        {
            return Failure.Forbidden($"Your role may not submit observations.");
        }
        var label = string.IsNullOrWhiteSpace(device) ? "field session" : $"field session on {Submission.Clip(device.Trim())}";
        var actor = db.Actor;
        // The token is the monitor's own, created by the monitor's sign-in: journaled as theirs.
        db.Actor = viewer;
        var created = await Users.CreateTokenAsync(db, user.Name, TimeSpan.FromHours(hours ?? DefaultHours), TokenScope.Write, label, cancellationToken);
        db.Actor = actor;
        return created.Failure is { } failed ? failed : new FieldSession(viewer, created.Value.Token, created.Value.Secret);
    }

    /// <summary>Ends the session whose token the device sent: it stops working at once.</summary>
    public static async Task<Result<ApiToken>> EndAsync(TruceDb db, Viewer viewer, string secret, CancellationToken cancellationToken = default)
    {
        var hash = Users.HashToken(secret);
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.TokenHash == hash && t.UserId == viewer.UserId, cancellationToken);
        if (token is null)
        {
            return Failure.NotFound("The session");
        }
        token.RevokedAt ??= Instant.Now(db.Clock);
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }
}
