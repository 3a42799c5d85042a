using Truce.Storage;

namespace Truce.Tests.Web;

public sealed class KeyStorageTests
{
    [Fact]
    public async Task The_cookie_keys_are_kept_owner_only_in_the_data_folder_without_the_unencrypted_key_warning()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("Unix file modes only.");
            return;
        }
        await using var app = await TruceApp.StartAsync(Engine.Sqlite);

        // The sign-in form carries an antiforgery token, which needs a key: the first one is made now.
        await Forms.TokenAsync(app.CreateClient(), "/login");

        var folder = Path.Combine(app.DataFolder, "keys");
        var keys = Directory.GetFiles(folder, "*.xml");
        Assert.NotEmpty(keys);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
        foreach (var key in keys)
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key));
        }
        Assert.DoesNotContain(app.Logs.Lines, line => line.Contains("unencrypted", StringComparison.OrdinalIgnoreCase));
    }
}
