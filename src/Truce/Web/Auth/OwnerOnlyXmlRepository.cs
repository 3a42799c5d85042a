using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Truce.Web;

/// <summary>The framework's file repository, with each key file made readable and writable by its owner only (0600) once written.</summary>
internal sealed class OwnerOnlyXmlRepository(DirectoryInfo folder, ILoggerFactory loggers) : IXmlRepository
{
    private readonly FileSystemXmlRepository _files = new(folder, loggers);

    public IReadOnlyCollection<XElement> GetAllElements() => _files.GetAllElements();

    public void StoreElement(XElement element, string friendlyName)
    {
        _files.StoreElement(element, friendlyName);
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        // The repository writes a temporary file and renames it, with the process's umask (0644 as a rule); the
        // folder is 0700, so nobody else can reach the file before its mode is set.
        foreach (var file in folder.EnumerateFiles("*.xml"))
        {
            File.SetUnixFileMode(file.FullName, Storage.OwnerOnly.FilePermissions);
        }
    }
}
