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

    private static async Task<JsonElement> TitledAsync(TruceApp app, HttpRequestMessage request, string language, HttpStatusCode status)
    {
        request.Headers.AcceptLanguage.ParseAdd(language);
        var response = await app.CreateClient().SendAsync(request);
        Assert.Equal(status, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    [Theory]
    [InlineData("ru", "По этому адресу ничего нет.", "Bearer-токен неизвестен, просрочен или отозван.", "Наблюдение не найдено.")]
    [InlineData("hy", "Այս հասցեում ոչինչ չկա։", "Bearer տոկենն անհայտ է, ժամկետանց կամ չեղարկված։", "Դիտարկումը չի գտնվել։")]
    [InlineData("az", "Bu ünvanda heç nə yoxdur.", "Bearer token naməlumdur, müddəti bitib və ya ləğv edilib.", "Müşahidə tapılmadı.")]
    public async Task The_web_layers_own_titles_answer_in_the_requested_language(string language, string unknownAddress, string badToken, string notFound)
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);

        // The framework's own 404 (no endpoint), the access gate's 401, and and Problems.NotFound's sentence.
        var noEndpoint = await TitledAsync(app, new HttpRequestMessage(HttpMethod.Get, "/api/no-such-thing"), language, HttpStatusCode.NotFound);
        using var withToken = new HttpRequestMessage(HttpMethod.Get, "/api/observations");
        withToken.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "not-a-token");
        var unauthorized = await TitledAsync(app, withToken, language, HttpStatusCode.Unauthorized);
        var missing = await TitledAsync(app, new HttpRequestMessage(HttpMethod.Get, $"/api/observations/{Guid.NewGuid()}"), language, HttpStatusCode.NotFound);

        Assert.Equal(unknownAddress, noEndpoint.GetProperty("title").GetString());
        Assert.Equal(badToken, unauthorized.GetProperty("title").GetString());
        Assert.Equal(notFound, missing.GetProperty("title").GetString());
    }
}
