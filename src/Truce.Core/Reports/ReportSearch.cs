using Microsoft.EntityFrameworkCore;
using Truce.Storage;

namespace Truce.Reports;

/// <summary>
/// Full-text search of the published reports' headlines and narratives, by each engine's own full-text search:
/// every word must occur (PostgreSQL: plainto_tsquery over to_tsvector('simple', …); SQLite: an FTS5 table with each
/// word quoted). Best matches first on SQLite (FTS5's rank), newest first on PostgreSQL.
/// </summary>
public static class ReportSearch
{
    public const int MaxQuery = 200;

    public static async Task<Result<Report[]>> SearchAsync(TruceDb db, string? query, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        var text = Submission.Text(query, "q", MaxQuery, errors);
        if (errors.Any)
        {
            return errors.ToFailure($"The search cannot be run.") with { Kind = FailureKind.Malformed };
        }
        var words = (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return Array.Empty<Report>();
        }
        return db.Engine == Engine.Postgres ? await PostgresAsync(db, string.Join(' ', words), cancellationToken) : await SqliteAsync(db, words, cancellationToken);
    }

    private static async Task<Report[]> PostgresAsync(TruceDb db, string words, CancellationToken cancellationToken) =>
        await db.Set<Report>().AsNoTracking()
            .Where(r => r.Status == ReportStatus.Published
                && EF.Functions.ToTsVector("simple", (r.Headline ?? "") + " " + r.Narrative).Matches(EF.Functions.PlainToTsQuery("simple", words)))
            .OrderByDescending(r => r.PeriodFrom)
            .Take(50)
            .ToArrayAsync(cancellationToken);

    /// <summary>
    /// SQLite: the published reports' text goes into an FTS5 table of the connection's temporary schema (rebuilt for
    /// each search, so nothing beside the journaled tables needs keeping in step), then FTS5 matches and ranks.
    /// </summary>
    private static async Task<Report[]> SqliteAsync(TruceDb db, string[] words, CancellationToken cancellationToken)
    {
        var published = await db.Set<Report>().AsNoTracking().Where(r => r.Status == ReportStatus.Published).ToListAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using (var create = connection.CreateCommand())
            {
                create.CommandText = "CREATE VIRTUAL TABLE IF NOT EXISTS temp.report_text USING fts5(id UNINDEXED, body, tokenize = 'unicode61'); DELETE FROM temp.report_text;";
                await create.ExecuteNonQueryAsync(cancellationToken);
            }
            foreach (var report in published)
            {
                await using var insert = connection.CreateCommand();
                insert.CommandText = "INSERT INTO temp.report_text (id, body) VALUES ($id, $body)";
                Parameter(insert, "$id", report.Id.ToString());
                Parameter(insert, "$body", $"{report.Headline} {Narrative.ToPlainText(report.Narrative)}");
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
            var ids = new List<Guid>();
            await using (var match = connection.CreateCommand())
            {
                // Each word quoted (a quote inside doubled): the reader's text is never FTS5 syntax, and all words must occur.
                match.CommandText = "SELECT id FROM temp.report_text WHERE report_text MATCH $query ORDER BY rank LIMIT 50";
                Parameter(match, "$query", string.Join(' ', words.Select(w => $"\"{w.Replace("\"", "\"\"", StringComparison.Ordinal)}\"")));
                await using var reader = await match.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    ids.Add(Guid.Parse(reader.GetString(0)));
                }
            }
            var byId = published.ToDictionary(r => r.Id);
            return [.. ids.Select(id => byId[id])];
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static void Parameter(System.Data.Common.DbCommand command, string name, string value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
