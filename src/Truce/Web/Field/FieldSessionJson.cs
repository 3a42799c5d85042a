using Truce.Field;

namespace Truce.Web;

/// <summary>A field sign-in as the device sends it: the monitor's name and password, the patrol's length in hours, the device's name.</summary>
internal sealed record FieldSignInInput(string? Name, string? Password, int? Hours, string? Device);

/// <summary>
/// A started field session: the token the device sends as <c>Authorization: Bearer</c> until <see cref="ExpiresAt"/>,
/// and who it signs in, which the device keeps beside every report it records.
/// </summary>
internal sealed record FieldSessionJson(string Token, Guid TokenId, DateTimeOffset? ExpiresAt, Guid UserId, string Name, string Role)
{
    public static FieldSessionJson From(FieldSession session) => new(session.Secret, session.Token.Id, session.Token.ExpiresAt,
        session.Viewer.UserId!.Value, session.Viewer.Name, Slug.Of(session.Viewer.Role));
}
