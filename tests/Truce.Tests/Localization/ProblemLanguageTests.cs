using System.Net;
using System.Text.Json;
using Truce.Storage;

namespace Truce.Tests.Localization;

/// <summary>The API keeps its machine values; problem details' titles and field messages answer in the Accept-Language language.</summary>
public sealed class ProblemLanguageTests
{
    private static async Task<JsonElement> ProblemAsync(TruceApp app, string path, string? acceptLanguage)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptLanguage is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        }
        var response = await app.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    [Theory]
    [InlineData(null, "The list parameters are invalid.", "must be a whole number from 1 to 500.")]
    [InlineData("ru", "Неверные параметры списка.", "должно быть целым числом от 1 до 500.")]
    [InlineData("hy-AM", "Ցանկի պարամետրերը սխալ են։", "պետք է լինի ամբողջ թիվ՝ 1-ից 500։")]
    [InlineData("az", "Siyahının parametrləri yanlışdır.", "1-dən 500-ə qədər tam ədəd olmalıdır.")]
    public async Task A_bad_query_is_explained_in_the_requested_language_under_the_same_field_name(string? language, string title, string message)
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);

        var problem = await ProblemAsync(app, "/api/observations?pageSize=0", language);

        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.Equal(message, problem.GetProperty("errors").GetProperty("pageSize")[0].GetString());
    }

    [Fact]
    public async Task Arguments_are_formatted_in_the_requested_culture_and_a_slug_list_stays_as_it_is()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);

        var problem = await ProblemAsync(app, "/api/observations?category=shelling", "ru");

        var message = problem.GetProperty("errors").GetProperty("category")[0].GetString();
        Assert.StartsWith("«shelling» не входит в список: explosion, projectile_in_flight", message, StringComparison.Ordinal);
    }
}
