namespace Truce.Storage;

public enum Engine
{
    Sqlite,
    Postgres,
}

/// <summary>Where the mission's data lives: which engine, and the connection string for it.</summary>
public sealed record StoreLocation(Engine Engine, string ConnectionString)
{
    public const string DefaultDataFolder = "truce-data";

    /// <summary>
    /// A PostgreSQL connection string (key-value with a Host, or a postgres:// URI) selects PostgreSQL;
    /// anything else is a SQLite connection string; with neither, the SQLite file under the data folder.
    /// </summary>
    public static StoreLocation Resolve(string? db, string? dataFolder)
    {
        if (!string.IsNullOrWhiteSpace(db))
        {
            var text = db.Trim();
            if (text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
                || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
            {
                return new StoreLocation(Engine.Postgres, FromUri(new Uri(text)));
            }
            if (text.Contains("Host=", StringComparison.OrdinalIgnoreCase))
            {
                return new StoreLocation(Engine.Postgres, text);
            }
            return new StoreLocation(Engine.Sqlite, text.Contains('=', StringComparison.Ordinal) ? text : $"Data Source={text}");
        }
        var folder = Path.GetFullPath(string.IsNullOrWhiteSpace(dataFolder) ? DefaultDataFolder : dataFolder);
        return new StoreLocation(Engine.Sqlite, $"Data Source={Path.Combine(folder, "truce.db")}");
    }

    /// <summary>The connection string with any password blanked, for logs and messages.</summary>
    public string Redacted => System.Text.RegularExpressions.Regex.Replace(
        ConnectionString, "(?i)(password|pwd)=[^;]*", "$1=***");

    private static string FromUri(Uri uri)
    {
        var user = Uri.UnescapeDataString(uri.UserInfo.Split(':')[0]);
        var password = uri.UserInfo.Contains(':', StringComparison.Ordinal)
            ? Uri.UnescapeDataString(uri.UserInfo[(uri.UserInfo.IndexOf(':', StringComparison.Ordinal) + 1)..])
            : "";
        var port = uri.Port > 0 ? uri.Port : 5432;
        return $"Host={uri.Host};Port={port};Database={uri.AbsolutePath.TrimStart('/')};Username={user};Password={password}";
    }
}
