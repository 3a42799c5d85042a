using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Demo;
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
        var settings = await db.Settings.AsNoTracking()
            .Where(s => s.Key == DemoMission.NameSetting || s.Key == DemoMission.ExerciseSetting)
            .ToDictionaryAsync(s => s.Key, s => s.Value, cancellationToken);
        return new Chrome(viewer, settings.GetValueOrDefault(DemoMission.NameSetting, "Monitoring mission"),
            settings.GetValueOrDefault(DemoMission.ExerciseSetting) == "true");
    }
}
