using Truce.Journal;

namespace Truce.Web;

/// <summary>
/// The mission's journal key (setting JournalKey), which signs handover certificates as it signs journal exports; made
/// on first use with owner-only permissions, as `truce journal key` makes it, so both sign with the same key.
/// </summary>
internal static class CertificateKey
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static async Task<byte[]> LoadOrCreateAsync(string path, CancellationToken cancellationToken)
    {
        await Gate.WaitAsync(cancellationToken);
        try
        {
            if (File.Exists(path))
            {
                return Convert.FromBase64String((await File.ReadAllTextAsync(path, cancellationToken)).Trim());
            }
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var (privateKey, _) = JournalExport.NewKey();
            await File.WriteAllTextAsync(path, Convert.ToBase64String(privateKey) + "\n", cancellationToken);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
            return privateKey;
        }
        finally
        {
            Gate.Release();
        }
    }
}
