using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Storage;

namespace Truce.Tests.Monitoring;

public sealed class EvidenceTests
{
    private static MultipartFormDataContent File(byte[] content, string name)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(file, "file", name);
        return form;
    }

    [Theory]
    [MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]
    public async Task A_file_is_kept_once_by_its_sha256_and_served_back_as_an_attachment(Engine engine)
    {
        await using var app = await TruceApp.StartAsync(engine);
        var monitor = await app.ClientAsync("monitor1", Role.Monitor);
        var first = Json.Observation();
        var second = Json.Observation();
        await monitor.PostAsync("/api/observations", first);
        await monitor.PostAsync("/api/observations", second);
        var photo = RandomNumberGenerator.GetBytes(50_000);
        var sha = Convert.ToHexStringLower(SHA256.HashData(photo));

        var a = await monitor.PostAsync($"/api/observations/{first["id"]}/evidence", File(photo, "../../etc/crater.jpg"));
        var b = await monitor.PostAsync($"/api/observations/{second["id"]}/evidence", File(photo, "crater-copy.jpg"));

        Assert.Equal(HttpStatusCode.Created, a.StatusCode);
        Assert.Equal(HttpStatusCode.Created, b.StatusCode);
        var cited = await Json.ReadAsync(a);
        Assert.Equal(sha, cited.GetProperty("sha256").GetString());
        Assert.Equal("crater.jpg", cited.GetProperty("fileName").GetString());
        var download = await monitor.GetAsync($"/api/observations/{first["id"]}/evidence/{sha}");
        Assert.Equal(photo, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        await using var db = app.Store.Open();
        Assert.Equal(1, await db.EvidenceFiles.CountAsync());
        Assert.Equal(2, await db.ObservationEvidence.CountAsync());
    }

    [Fact]
    public async Task An_empty_file_is_refused_and_an_oversized_one_is_a_413()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite, settings: new Dictionary<string, string?> { ["Evidence:MaxBytes"] = "1000" });
        var monitor = await app.ClientAsync("monitor1", Role.Monitor);
        var body = Json.Observation();
        await monitor.PostAsync("/api/observations", body);

        var empty = await monitor.PostAsync($"/api/observations/{body["id"]}/evidence", File([], "empty.jpg"));
        var large = await monitor.PostAsync($"/api/observations/{body["id"]}/evidence", File(new byte[1001], "large.jpg"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        Assert.Equal(["file"], await Json.ProblemFieldsAsync(empty));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
        Assert.Equal(["file"], await Json.ProblemFieldsAsync(large));
        await using var db = app.Store.Open();
        Assert.False(await db.EvidenceFiles.AnyAsync());
    }

    [Fact]
    public async Task Evidence_of_an_unknown_observation_is_a_404()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        var monitor = await app.ClientAsync("monitor1", Role.Monitor);
        var response = await monitor.PostAsync($"/api/observations/{Guid.NewGuid()}/evidence", File([1, 2, 3], "x.jpg"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
