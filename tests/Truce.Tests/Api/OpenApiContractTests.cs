using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using Truce.Access;
using Truce.Storage;

namespace Truce.Tests.Api;

/// <summary>
/// The OpenAPI document against what the API does: every answer below is validated against the schema the document
/// declares for its path, method, status and media type, so the two cannot drift apart; and a body built from the
/// document alone is accepted, as a generated client's would be.
/// </summary>
public sealed class OpenApiContractTests
{
    [Fact]
    public async Task A_body_built_only_from_the_documents_request_schema_is_accepted()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        var monitor = await app.ClientAsync("monitor1", Role.Monitor);
        var document = await Json.ReadAsync(await app.CreateClient().GetAsync("/openapi/v1.json"));

        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("scheme").GetString());
        var submit = Operation(document, "post", "/api/observations/");
        Assert.True(submit.TryGetProperty("security", out _), "submitting declares the bearer scheme");
        var schema = Resolve(document, submit.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema"));
        var required = schema.GetProperty("required").EnumerateArray().Select(r => r.GetString()).ToList();
        Assert.Superset(new HashSet<string?> { "id", "category", "sensor" }, required.ToHashSet());
        var categories = schema.GetProperty("properties").GetProperty("category").GetProperty("enum").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("small_arms_fire", categories);
        Assert.Contains("403", submit.GetProperty("responses").EnumerateObject().Select(r => r.Name));
        Assert.Contains("422", submit.GetProperty("responses").EnumerateObject().Select(r => r.Name));

        // What a generator would send: the required fields, the first alternative of each choice, the first allowed value.
        var body = new JsonObject();
        var fields = required.Concat(schema.GetProperty("allOf").EnumerateArray()
            .SelectMany(choice => choice.GetProperty("anyOf")[0].GetProperty("required").EnumerateArray().Select(r => r.GetString())));
        foreach (var field in fields)
        {
            body[field!] = Sample(schema.GetProperty("properties").GetProperty(field!));
        }
        var response = await monitor.PostAsync("/api/observations", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));

        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{body.ToJsonString()}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        await AssertDeclaredAsync(document, response);
    }

    [Fact]
    public async Task Every_answer_of_the_api_matches_the_schema_the_document_declares_for_it()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite, demo: true);
        var analyst = await app.ClientAsync("analyst1", Role.Analyst);
        var administrator = await app.ClientAsync("admin1", Role.Administrator);
        var anonymous = app.CreateClient();
        var revoked = app.CreateClient();
        revoked.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "truce_not-a-real-token");
        var document = await Json.ReadAsync(await anonymous.GetAsync("/openapi/v1.json"));

        var observation = Json.Observation();
        observation["visibility"] = "public";
        var created = await analyst.PostAsync("/api/observations", observation);
        var id = (await Json.ReadAsync(created)).GetProperty("id").GetGuid();
        var incident = await analyst.PostAsync("/api/incidents", new { id = Guid.NewGuid(), observationIds = new[] { id }, visibility = "public" });
        var incidentId = (await Json.ReadAsync(incident)).GetProperty("id").GetGuid();
        var answers = new List<HttpResponseMessage>
        {
            created, incident,
            await analyst.PostAsync("/api/observations", observation),
            await analyst.PostAsync("/api/observations", new StringContent("{\"latitude\":\"abc\"}", Encoding.UTF8, "application/json")),
            await analyst.PostAsync("/api/observations", new Dictionary<string, object?> { ["id"] = Guid.NewGuid() }),
            await revoked.PostAsync("/api/observations", observation),
            await anonymous.PostAsync("/api/observations", observation),
            await anonymous.GetAsync("/api/observations"),
            await anonymous.GetAsync("/api/observations?from=soon"),
            await anonymous.GetAsync($"/api/observations/{id}"),
            await anonymous.GetAsync($"/api/observations/{Guid.NewGuid()}"),
            await anonymous.GetAsync("/api/incidents"),
            await anonymous.GetAsync($"/api/incidents/{incidentId}"),
            await analyst.PostAsync($"/api/incidents/{incidentId}/assessments", new { id = Guid.NewGuid(), sourceReliability = "B", informationCredibility = 2, rationale = "Seen." }),
            await analyst.PostAsync($"/api/incidents/{incidentId}/assessments", new { id = Guid.NewGuid(), sourceReliability = "G", informationCredibility = 2, rationale = "Seen." }),
            await anonymous.GetAsync("/api/metrics"),
            await anonymous.GetAsync("/api/parties"),
            await analyst.GetAsync("/api/corroboration/proposals?from=2026-01-01"),
            await analyst.GetAsync($"/api/corroboration/candidates/{id}"),
            await administrator.GetAsync("/api/journal?limit=5"),
            await analyst.GetAsync("/api/journal"),
        };

        foreach (var answer in answers)
        {
            await AssertDeclaredAsync(document, answer);
        }
    }

    [Fact]
    public async Task The_api_reference_page_is_served_from_this_origin()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        var client = app.CreateClient();

        var page = await client.GetAsync("/api/docs");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("v1", html, StringComparison.Ordinal);
        foreach (Match script in Regex.Matches(html, "src=\"([^\"]+)\""))
        {
            var source = script.Groups[1].Value;
            Assert.False(source.StartsWith("http", StringComparison.Ordinal) || source.StartsWith("//", StringComparison.Ordinal), $"{source} is not from this origin");
            var url = source.StartsWith('/') ? source : "/api/docs/" + source.TrimStart('.', '/');
            Assert.True((await client.GetAsync(url)).IsSuccessStatusCode, url);
        }
        // The relaxed policy is the reference page's alone.
        Assert.Contains("'unsafe-inline'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var home = await client.GetAsync("/");
        Assert.DoesNotContain("unsafe-inline", home.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    /// <summary>The answer's body is valid against the schema the document declares for its operation, status and media type.</summary>
    private static async Task AssertDeclaredAsync(JsonElement document, HttpResponseMessage response)
    {
        var request = response.RequestMessage!;
        var where = $"{request.Method} {request.RequestUri!.PathAndQuery} -> {(int)response.StatusCode}";
        var operation = Operation(document, request.Method.Method.ToLowerInvariant(), request.RequestUri.AbsolutePath);
        Assert.True(operation.GetProperty("responses").TryGetProperty(((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture), out var declared),
            $"{where}: the document declares no such response");
        var mediaType = response.Content.Headers.ContentType?.MediaType ?? "";
        var media = declared.TryGetProperty("content", out var content) && content.TryGetProperty(mediaType, out var found) ? found : default;
        Assert.True(media.ValueKind == JsonValueKind.Object, $"{where}: the document declares no {mediaType} body for it");
        var components = document.GetProperty("components").GetProperty("schemas").GetRawText();
        var schemaText = $"{{\"$defs\": {components}, \"allOf\": [{media.GetProperty("schema").GetRawText()}]}}".Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
        var schema = JsonSchema.FromText(schemaText, baseUri: new Uri($"https://truce.test/{Guid.NewGuid()}"));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var result = schema.Evaluate(body.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, $"{where}: the body does not match its schema: "
            + string.Join("; ", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).Select(d => $"{d.InstanceLocation}: {string.Join(", ", d.Errors!.Values)}"))
            + "\n" + body.RootElement.GetRawText());
    }

    private static JsonElement Operation(JsonElement document, string method, string path)
    {
        foreach (var template in document.GetProperty("paths").EnumerateObject())
        {
            var pattern = "^" + Regex.Replace(template.Name.TrimEnd('/'), @"\{[^}]+\}", "[^/]+") + "/?$";
            if (Regex.IsMatch(path, pattern) && template.Value.TryGetProperty(method, out var operation))
            {
                return operation;
            }
        }
        Assert.Fail($"The document has no operation {method} {path}.");
        return default;
    }

    private static JsonElement Resolve(JsonElement document, JsonElement schema) =>
        schema.TryGetProperty("$ref", out var reference)
            ? document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1])
            : schema;

    /// <summary>A value from the schema alone: the first allowed value, a UUID, the lower bound, a date-time.</summary>
    private static JsonNode? Sample(JsonElement property)
    {
        if (property.TryGetProperty("enum", out var allowed))
        {
            return JsonNode.Parse(allowed.EnumerateArray().First(v => v.ValueKind != JsonValueKind.Null).GetRawText());
        }
        var type = property.TryGetProperty("type", out var t)
            ? (t.ValueKind == JsonValueKind.Array ? t.EnumerateArray().Select(x => x.GetString()).First(x => x != "null") : t.GetString())
            : "string";
        var format = property.TryGetProperty("format", out var f) ? f.GetString() : null;
        return (type, format) switch
        {
            ("string", "uuid") => Guid.NewGuid().ToString(),
            ("string", _) => "2026-11-29T06:00:00Z",
            ("integer" or "number", _) when property.TryGetProperty("minimum", out var minimum) => JsonNode.Parse(minimum.GetRawText()),
            ("integer" or "number", _) => 1,
            _ => null,
        };
    }
}
