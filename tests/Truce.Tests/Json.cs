using System.Net.Http.Json;
using System.Text.Json;

namespace Truce.Tests;

internal static class Json
{
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.False(string.IsNullOrEmpty(text), $"{(int)response.StatusCode} with an empty body");
        return JsonDocument.Parse(text).RootElement;
    }

    public static Task<HttpResponseMessage> PostAsync(this HttpClient client, string path, object body) =>
        client.PostAsJsonAsync(path, body);

    /// <summary>The names of the fields a problem details response says are bad.</summary>
    public static async Task<string[]> ProblemFieldsAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await ReadAsync(response);
        return problem.TryGetProperty("errors", out var errors) ? [.. errors.EnumerateObject().Select(e => e.Name)] : [];
    }

    /// <summary>A field-report body as a monitor's phone would send it.</summary>
    public static Dictionary<string, object?> Observation(Guid? id = null) => new()
    {
        ["id"] = id ?? Guid.NewGuid(),
        ["observedAt"] = "2026-11-29T06:40:00Z",
        ["timePrecision"] = "exact",
        ["latitude"] = 39.8177,
        ["longitude"] = 46.7528,
        ["locationPrecisionM"] = 200,
        ["areaName"] = "Khankendi",
        ["category"] = "explosion",
        ["count"] = 2,
        ["sensor"] = "heard",
        ["narrative"] = "Two explosions to the north-east.",
        ["source"] = "Patrol A-1",
    };
}
