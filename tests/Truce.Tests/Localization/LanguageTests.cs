using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Storage;

namespace Truce.Tests.Localization;

/// <summary>The viewer's language: the account's, else the cookie's, else Accept-Language, else English.</summary>
public sealed class LanguageTests
{
    private static async Task<string> PageAsync(HttpClient client, string path, string? acceptLanguage = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptLanguage is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        }
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<HttpResponseMessage> ChooseAsync(HttpClient client, string language, string returnUrl = "/incidents")
    {
        var token = await Forms.TokenAsync(client, "/");
        return await client.PostAsync("/language", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["language"] = language, ["returnUrl"] = returnUrl,
        }));
    }

    [Theory]
    [InlineData(null, "en", "Observations")]
    [InlineData("ru-RU,ru;q=0.9,en;q=0.8", "ru", "Наблюдения")]
    [InlineData("hy", "hy", "Դիտարկումներ")]
    [InlineData("az-Latn-AZ", "az", "Müşahidələr")]
    [InlineData("de-DE", "en", "Observations")]
    public async Task Without_a_choice_the_browser_language_is_used_and_English_otherwise(string? acceptLanguage, string lang, string observations)
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);

        var html = await PageAsync(app.CreateClient(), "/", acceptLanguage);

        Assert.Contains($"<html lang=\"{lang}", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/observations\">{observations}</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_switcher_sets_a_cookie_that_wins_over_the_browser_language_and_returns_to_the_page()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        var chosen = await ChooseAsync(client, "hy", "/incidents?status=verified");
        var html = await PageAsync(client, "/incidents", "ru");

        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        Assert.Equal("/incidents?status=verified", chosen.Headers.Location?.OriginalString);
        Assert.Contains("<html lang=\"hy\"", html, StringComparison.Ordinal);
        Assert.Contains("Միջադեպեր", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_users_choice_is_kept_on_the_account_and_follows_them_to_another_browser()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        var first = await app.SignInAsync("liaison.a", Role.Monitor);

        Assert.Equal(HttpStatusCode.Redirect, (await ChooseAsync(first, "az")).StatusCode);
        await using (var db = app.Store.Open())
        {
            Assert.Equal("az", (await db.Users.SingleAsync(u => u.Name == "liaison.a")).Language);
            Assert.True((await Users.SetPasswordAsync(db, "liaison.a", "a-new-password-1234")).Succeeded);
        }
        var second = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var token = await Forms.TokenAsync(second, "/login");
        await second.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["name"] = "liaison.a", ["password"] = "a-new-password-1234",
        }));

        var html = await PageAsync(second, "/", "ru");

        Assert.Contains("<html lang=\"az\"", html, StringComparison.Ordinal);
        Assert.Contains("Müşahidələr", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_language_Truce_does_not_offer_is_refused_naming_the_field_and_the_pseudo_locale_only_when_enabled()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        var response = await ChooseAsync(client, "qps-ploc");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("\"language\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Counts_take_the_plural_form_of_the_viewers_language()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite, demo: true);

        var html = await PageAsync(app.CreateClient(), "/incidents", "ru");

        Assert.Matches(@"\b(1|21) источник\b|\b([234]|2[234]) источника\b|\b([05-9]|1\d) источников\b", html);
        Assert.DoesNotMatch(@"\b1 источников\b|\b[234] источников\b|\b[05-9] источника\b", html);
    }
}
