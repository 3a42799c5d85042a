using Truce.Access;
using Truce.Mission;
using Truce.Storage;

namespace Truce.Web;

/// <summary>What every page's frame shows: who is looking, the mission's name, whether it is an exercise.</summary>
public sealed record Chrome(Viewer Viewer, string MissionName, bool Exercise)
{
    /// <summary>Bound as a page handler's parameter: the frame for whoever is asking.</summary>
    public static async ValueTask<Chrome> BindAsync(HttpContext context) => await LoadAsync(
        context.RequestServices.GetRequiredService<TruceDb>(), context.RequestServices.GetRequiredService<Viewer>(), context.RequestAborted);

    internal static async Task<Chrome> LoadAsync(TruceDb db, Viewer viewer, CancellationToken cancellationToken)
    {
        var identity = await MissionProfile.IdentityAsync(db, cancellationToken);
        return new Chrome(viewer, identity.Name, identity.Exercise);
    }
}
