using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.PublicMap;
using Truce.Reports;
using Truce.Storage;

namespace Truce.Web;

/// <summary>
/// The public pages' data, kept in memory and invalidated by the journal: every change to the store appends to the
/// journal, so its latest sequence number is the version of everything the pages show. The reports, parties, comments and
/// the public map's squares (at the mission's grid) are read again only after that number moved. The version is read
/// before the data, so a write racing a rebuild leaves a snapshot labelled older than what it holds, never newer: the
/// next request rebuilds it.
/// The number itself is read from the store only when this process wrote to a store since the last read
/// (<see cref="StoreWrites"/>), or when that read is older than <see cref="Trust"/> (another process, `truce import` say,
/// may have written): so a busy public site costs the store a read a second, not one a request.
/// </summary>
internal sealed class PublicCache(TruceSettings settings) : IDisposable
{
    /// <summary>How long a version read is trusted without a write from this process: how late another process's change may show.</summary>
    public static readonly TimeSpan Trust = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _rebuild = new(1, 1);
    private readonly StoreWrites _writes = new();
    private PublicSnapshot? _current;
    private KnownVersion? _known;

    /// <summary>The journal's latest sequence number, read from <paramref name="db"/> (resolved only then) when the last read can't be trusted.</summary>
    public async Task<long> VersionAsync(Func<TruceDb> db, CancellationToken cancellationToken)
    {
        // The write count is taken before the read: a write landing during the read leaves the count moved, so the next request reads again.
        var writes = _writes.Count;
        var now = Stopwatch.GetTimestamp();
        if (_known is { } known && known.Writes == writes && Stopwatch.GetElapsedTime(known.ReadAt, now) < Trust)
        {
            return known.Version;
        }
        var version = await db().Journal.AsNoTracking().MaxAsync(e => (long?)e.Seq, cancellationToken) ?? 0;
        _known = new KnownVersion(version, writes, now);
        return version;
    }

    public async Task<PublicSnapshot> GetAsync(TruceDb db, CancellationToken cancellationToken)
    {
        var version = await VersionAsync(() => db, cancellationToken);
        if (_current is { } current && current.Version == version)
        {
            return current;
        }
        await _rebuild.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } rebuilt && rebuilt.Version >= version)
            {
                return rebuilt;
            }
            var identity = await Mission.MissionProfile.IdentityAsync(db, cancellationToken);
            var published = await Reports.Reports.PublishedAsync(db, cancellationToken);
            var parties = await db.Parties.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
            var comments = await Comments.ApprovedAsync(db, Viewer.Anonymous, cancellationToken);
            var grid = await PublicGrid.CountAsync(db, settings.GridKm, settings.GridMinCount, cancellationToken);
            return _current = new PublicSnapshot(version, identity.Name, published, parties, comments.ToLookup(c => c.ReportId), grid);
        }
        finally
        {
            _rebuild.Release();
        }
    }

    /// <summary>The container disposes the singleton when the server stops.</summary>
    public void Dispose()
    {
        _rebuild.Dispose();
        _writes.Dispose();
    }

    /// <summary>A version read from the store, with the process's write count before it and when (a Stopwatch timestamp).</summary>
    private sealed record KnownVersion(long Version, long Writes, long ReadAt);
}
