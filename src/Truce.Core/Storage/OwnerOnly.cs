namespace Truce.Storage;

/// <summary>
/// Folders (0700) and files (0600) that only the server's user may read: the store, its WAL and shared-memory files,
/// the data folder, the keys. Set as they are created, so no umask can widen them; what exists already is left as the
/// operator made it. Windows has no such modes; its folders inherit the user profile's access rules.
/// </summary>
public static class OwnerOnly
{
    public const UnixFileMode FolderPermissions = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public const UnixFileMode FilePermissions = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>The folder, created with every missing parent as 0700 (the mode is set again: mkdir's obeys the umask).</summary>
    public static DirectoryInfo Folder(string path)
    {
        var full = Path.GetFullPath(path);
        if (OperatingSystem.IsWindows())
        {
            return Directory.CreateDirectory(full);
        }
        var missing = new List<string>();
        for (var folder = full; !string.IsNullOrEmpty(folder) && !Directory.Exists(folder); folder = Path.GetDirectoryName(folder))
        {
            missing.Add(folder);
        }
        var created = Directory.CreateDirectory(full, FolderPermissions);
        foreach (var folder in missing)
        {
            System.IO.File.SetUnixFileMode(folder, FolderPermissions);
        }
        return created;
    }

    /// <summary>An empty file created as 0600 if none is there yet (its folder as <see cref="Folder"/>); an existing one is left alone.</summary>
    public static void EmptyFile(string path)
    {
        var full = Path.GetFullPath(path);
        Folder(Path.GetDirectoryName(full)!);
        if (System.IO.File.Exists(full))
        {
            return;
        }
        try
        {
            using var created = new FileStream(full, Creation(System.IO.FileMode.CreateNew));
        }
        catch (IOException) when (System.IO.File.Exists(full))
        {
            // Another process created it between the look and the creation: theirs stands, made by this same code.
            return;
        }
        if (!OperatingSystem.IsWindows())
        {
            System.IO.File.SetUnixFileMode(full, FilePermissions);
        }
    }

    /// <summary>Writes text to a new or replaced file that is 0600 from its first byte.</summary>
    public static async Task WriteAllTextAsync(string path, string text, CancellationToken cancellationToken = default)
    {
        var full = Path.GetFullPath(path);
        Folder(Path.GetDirectoryName(full)!);
        // Replaced, not rewritten, so that text never sits in a file someone else made readable.
        System.IO.File.Delete(full);
        await using (var stream = new FileStream(full, Creation(System.IO.FileMode.Create)))
        await using (var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false)))
        {
            await writer.WriteAsync(text.AsMemory(), cancellationToken);
        }
        if (!OperatingSystem.IsWindows())
        {
            System.IO.File.SetUnixFileMode(full, FilePermissions);
        }
    }

    private static FileStreamOptions Creation(System.IO.FileMode mode)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FilePermissions;
        }
        return options;
    }
}
