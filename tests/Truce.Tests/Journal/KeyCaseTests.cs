using System.Net;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using Truce.Access;
using Truce.Storage;

namespace Truce.Tests.Journal;

using Cli = Truce.Tests.Cli.Cli;

/// <summary>
/// `truce verify` compares what the application reads, byte for byte: a key or foreign key whose letter case
/// was changed in the file still parses as the same UUID, but the application's lookups no longer find it
/// (the report answers 404, leaves its incident, loses its assessments or evidence).
/// </summary>
public sealed class KeyCaseTests
{
    public static TheoryData<string, string> KeyColumns => new()
    {
        { "observations", "id" },
        { "observations", "incident_id" },
        { "incidents", "id" },
        { "assessments", "incident_id" },
        { "observation_evidence", "observation_id" },
    };

    [Theory]
    [MemberData(nameof(KeyColumns))]
    public async Task Lower_casing_a_key_column_in_SQLite_fails_verify_naming_the_record(string table, string column)
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        var admin = await app.ClientAsync("admin2", Role.Administrator);
        var observation = Guid.NewGuid();
        var incident = Guid.NewGuid();
        var assessment = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync("/api/observations", Json.Observation(observation))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/incidents", new { id = incident, observationIds = new[] { observation } })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/incidents/{incident}/assessments",
            new { id = assessment, sourceReliability = "B", informationCredibility = 3, rationale = "Two patrols heard it." })).StatusCode);
        var upload = new MultipartFormDataContent();
        upload.Add(new ByteArrayContent([1, 2, 3, 4]), "file", "photo.jpg");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync($"/api/observations/{observation}/evidence", upload)).StatusCode);
        var before = await Cli.RunAsync("verify", "--db", app.Location.ConnectionString);

        var changed = await LowerCaseAsync(app.Location.ConnectionString, table, column);
        var after = await Cli.RunAsync("verify", "--db", app.Location.ConnectionString);

        Assert.True(before.ExitCode == 0, before.Error);
        Assert.Equal(1, changed);
        Assert.Equal(4, after.ExitCode);
        var key = table switch
        {
            "observations" => observation.ToString(),
            "incidents" => incident.ToString(),
            "assessments" => assessment.ToString(),
            _ => observation.ToString(),
        };
        Assert.Contains($"record {table}/{key}", after.Error, StringComparison.Ordinal);
        Assert.Contains(column, after.Error, StringComparison.Ordinal);
    }

    private static async Task<int> LowerCaseAsync(string connectionString, string table, string column)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { ForeignKeys = false, Pooling = false };
        await using var connection = new SqliteConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"UPDATE \"{table}\" SET \"{column}\" = lower(\"{column}\") WHERE \"{column}\" <> lower(\"{column}\")";
        return await command.ExecuteNonQueryAsync();
    }
}
