using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.PublicMap;
using Truce.Reports;
using Truce.Storage;

namespace Truce.Web;

/// <summary>
/// The public pages' data, kept in memory and invalidated by the journal: every change to the store appends to the
/// journal, so its latest sequence number is the version of everything the pages show. A request costs one indexed
/// read of that number; the reports, parties, comments and the public map's squares (at the mission's grid) are read
/// again only after something changed. The version
/// is read before the data, so a write racing a rebuild leaves a snapshot labelled older than what it holds, never newer:
/// the next request rebuilds it.
/// </summary>
internal sealed class PublicCache(TruceSettings settings) : IDisposable
{
    private readonly SemaphoreSlim _rebuild = new(1, 1);
    private PublicSnapshot? _current;

    public async Task<PublicSnapshot> GetAsync(TruceDb db, CancellationToken cancellationToken)
    {
        var version = await db.Journal.AsNoTracking().MaxAsync(e => (long?)e.Seq, cancellationToken) ?? 0;
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
    public void Dispose() => _rebuild.Dispose();
}
