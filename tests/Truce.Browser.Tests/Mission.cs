using Microsoft.AspNetCore.Builder;
using Truce.Access;
using Truce.Storage;
using Truce.Web;

namespace Truce.Browser.Tests;

/// <summary>`truce serve --demo` on real Kestrel at 127.0.0.1 on a free port, on a store of its own.</summary>
internal sealed class Mission : IAsyncDisposable
{
    private readonly string _folder;

    private Mission(WebApplication app, string folder)
    {
        App = app;
        _folder = folder;
    }

    public WebApplication App { get; }

    public string BaseUrl => App.Urls.Single();

    public static async Task<Mission> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var folder = Directory.CreateTempSubdirectory("truce-browser-").FullName;
        var flags = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["Data"] = folder, ["Demo"] = "true", ["Urls"] = "http://127.0.0.1:0", ["Logging:LogLevel:Default"] = "Warning",
        };
        var app = TruceWeb.Create([], flags, TextWriter.Null);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new Mission(app, folder);
    }

    /// <summary>Adds a user and returns its password.</summary>
    public async Task<string> AddUserAsync(string name, Role role)
    {
        var password = Users.NewPassword();
        await using var db = App.Services.GetRequiredService<Store>().Open();
        Assert.True((await Users.AddAsync(db, name, role, null, password)).Succeeded);
        return password;
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync(TestContext.Current.CancellationToken);
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
