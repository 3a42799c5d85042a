using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using Truce.Storage;

namespace Truce.Web;

/// <summary>
/// Keys the public pages' output cache by the journal's latest sequence number (<see cref="PublicCache.VersionAsync"/>,
/// which reads the store only when it may have moved):
/// every change to the store appends to the journal, so a page cached under one version is exactly what a fresh render
/// would give until the next change, and no entry outlives a change. With the reader's language and the whole address,
/// it is all a page's bytes depend on for an anonymous visitor (the framework's default policy caches nothing for a
/// signed-in one, nor an answer that sets a cookie or is not 200).
/// </summary>
internal sealed class JournalVersionPolicy : IOutputCachePolicy
{
    /// <summary>The output cache policy of the public site's GET endpoints.</summary>
    public const string Name = "public";

    public static void Configure(OutputCacheOptions options) => options.AddPolicy(Name, builder => builder
        .SetVaryByQuery("*")
        .VaryByValue(_ => KeyValuePair.Create("language", CultureInfo.CurrentUICulture.Name))
        .AddPolicy<JournalVersionPolicy>()
        // Entries of an older version are never asked for again; this only bounds how long they take memory.
        .Expire(TimeSpan.FromMinutes(5)));

    public async ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        if (!context.EnableOutputCaching)
        {
            return;
        }
        var services = context.HttpContext.RequestServices;
        var version = await services.GetRequiredService<PublicCache>().VersionAsync(services.GetRequiredService<TruceDb>, cancellation);
        context.CacheVaryByRules.VaryByValues["journal"] = version.ToString(CultureInfo.InvariantCulture);
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
}
