using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Journal;
using Truce.Lists;
using Truce.Monitoring;
using Truce.Storage;
using Truce.Verification;
using Truce.Web;

namespace Truce.Cli;

/// <summary>
/// `truce journal export --for public|PARTY`: the observations and incidents that viewer may see, each as the API shows
/// it to that viewer (read through the same Core listings, so through <see cref="AccessPolicy"/>'s VisibleTo and
/// Disclose), signed as one document with the journal key (see <see cref="RedactedExport"/>). Users, tokens, settings
/// and the journal's own entries are never in it.
/// </summary>
internal static class RedactedJournalExport
{
    public const string Public = "public";

    /// <summary>The viewer the export is for: the public, or a liaison of the named party; null when no party has that id.</summary>
    public static async Task<Viewer?> ViewerAsync(TruceDb db, string name, CancellationToken cancellationToken)
    {
        if (name == Public)
        {
            return Viewer.Anonymous;
        }
        return await db.Parties.AnyAsync(p => p.Id == name, cancellationToken)
            ? new Viewer(null, $"export for {name}", Role.Liaison, name)
            : null;
    }

    public static async Task<RedactedExport.Trailer> WriteAsync(
        TruceDb db, Viewer viewer, string name, TextWriter writer, byte[] privateKey, CancellationToken cancellationToken)
    {
        var last = await db.Journal.AsNoTracking().OrderByDescending(e => e.Seq).Select(e => new { e.Seq, e.Hash }).FirstOrDefaultAsync(cancellationToken);
        var head = new JournalHead(last?.Seq ?? 0, last?.Hash ?? JournalChain.Genesis, 0);
        return await RedactedExport.WriteAsync(writer, name, head, RecordsAsync(db, viewer, cancellationToken), privateKey, cancellationToken);
    }

    private static async IAsyncEnumerable<object> RecordsAsync(TruceDb db, Viewer viewer, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var number = 1; ; number++)
        {
            var page = Listed(await Observations.ListAsync(db, viewer, Page(number), cancellationToken));
            foreach (var observation in page.Items)
            {
                yield return new { observation = ObservationJson.From(observation) };
            }
            if (number >= page.PageCount)
            {
                break;
            }
        }
        for (var number = 1; ; number++)
        {
            var page = Listed(await Incidents.ListAsync(db, viewer, Page(number), cancellationToken));
            foreach (var incident in page.Items)
            {
                yield return new { incident = IncidentJson.From(incident) };
            }
            if (number >= page.PageCount)
            {
                break;
            }
        }
    }

    private static ListFilter Page(int number) => new() { Paging = new Paging(number, Paging.MaxSize) };

    /// <summary>An unfiltered listing cannot fail; if it ever does, the export stops rather than leave records out unsaid.</summary>
    private static Page<T> Listed<T>(Result<Page<T>> listed) =>
        listed.Value ?? throw new InvalidOperationException($"Listing for the export failed: {listed.Failure?.Title}");
}
