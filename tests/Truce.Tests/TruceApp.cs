using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Truce.Access;
using Truce.Storage;

namespace Truce.Tests;

/// <summary>
/// Truce as `truce serve` runs it, in memory, on a store of its own, with a clock the test controls.
/// Intent methods (<see cref="SignInAsync"/>, <see cref="ClientAsync"/>) keep tests about behaviour.
/// </summary>
internal sealed class TruceApp : WebApplicationFactory<Program>
{
    private readonly ScratchStore _store;
    private readonly Dictionary<string, string?> _settings;
    private readonly DirectoryInfo _data;

    private TruceApp(ScratchStore store, Dictionary<string, string?> settings, DirectoryInfo data)
    {
        _store = store;
        _settings = settings;
        _data = data;
    }

    /// <summary>Warnings and errors the server logged.</summary>
    public CapturedLogs Logs { get; } = new();

    /// <summary>The app's own data folder (DataProtection keys, journal key), deleted with the app.</summary>
    public string DataFolder => _data.FullName;

    /// <summary>10:00 UTC on the day the tests were written; advance it with <see cref="Clock"/>.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero));

    public Store Store => Services.GetRequiredService<Store>();

    public StoreLocation Location => _store.Location;

    public static async Task<TruceApp> StartAsync(Engine engine, bool demo = false, IDictionary<string, string?>? settings = null)
    {
        var store = await ScratchStore.CreateAsync(engine);
        var data = Directory.CreateTempSubdirectory("truce-app-");
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["Db"] = store.Location.ConnectionString,
            ["Demo"] = demo ? "true" : "false",
        };
        all.TryAdd("Data", data.FullName);
        var app = new TruceApp(store, all, data);
        app.StartServer();
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning).AddProvider(Logs));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton(new Truce.Web.StartupConsole(TextWriter.Null, Interactive: false));
        });
    }

    /// <summary>Adds a user and returns an API client that sends its bearer token.</summary>
    public async Task<HttpClient> ClientAsync(string name, Role role, string? party = null)
    {
        await using var db = Store.Open();
        var user = await Users.AddAsync(db, name, role, party, Users.NewPassword());
        Assert.True(user.Succeeded, user.Failure?.Title);
        var token = await Users.CreateTokenAsync(db, name, TimeSpan.FromDays(1));
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Value.Secret);
        return client;
    }

    /// <summary>An API client with a new token of an existing user.</summary>
    public async Task<HttpClient> TokenClientAsync(string name, TokenScope scope = TokenScope.Write)
    {
        await using var db = Store.Open();
        var token = await Users.CreateTokenAsync(db, name, TimeSpan.FromDays(1), scope);
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Value.Secret);
        return client;
    }

    /// <summary>Adds a user and returns a browser-like client signed in through the login form (cookies kept, no redirects followed).</summary>
    public async Task<HttpClient> SignInAsync(string name, Role role, string? party = null)
    {
        var password = Users.NewPassword();
        await using (var db = Store.Open())
        {
            Assert.True((await Users.AddAsync(db, name, role, party, password)).Succeeded);
        }
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await Forms.TokenAsync(client, "/login");
        var response = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form, ["name"] = name, ["password"] = password,
        }));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _store.DisposeAsync();
        _data.Delete(recursive: true);
    }
}

/// <summary>Reads the antiforgery token a page's form carries, as a browser would submit it.</summary>
internal static class Forms
{
    public static async Task<string> TokenAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        var match = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"");
        Assert.True(match.Success, $"{path} has no antiforgery token.");
        return match.Groups[1].Value;
    }
}
