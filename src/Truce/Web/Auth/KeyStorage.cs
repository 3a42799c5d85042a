using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace Truce.Web;

/// <summary>
/// The keys that protect the sign-in cookie and the antiforgery tokens, kept in DATA/keys so sessions survive a
/// restart. The folder is the owner's alone (0700), as is the data folder it is in when Truce creates it, and so is
/// each key file (0600), as with the journal key.
/// </summary>
internal static class KeyStorage
{
    public const string Folder = "keys";

    public static IServiceCollection AddTruceDataProtection(this IServiceCollection services, ILoggingBuilder logging, TruceSettings settings)
    {
        var folder = Path.Combine(settings.DataFolder, Folder);
        services.AddDataProtection().SetApplicationName("truce");
        services.AddOptions<KeyManagementOptions>().Configure<ILoggerFactory>((options, loggers) =>
            options.XmlRepository = new OwnerOnlyXmlRepository(Storage.OwnerOnly.Folder(folder), loggers));
        // ASP.NET Core warns that a key "may be persisted to storage in unencrypted form" when no IXmlEncryptor is
        // set, and Linux offers none without a certificate to manage. The files are readable by the server's user
        // alone, as the store and the journal key are; encrypting them with a secret kept beside them adds nothing.
        // So that one category logs errors only.
        logging.AddFilter(typeof(XmlKeyManager).FullName, LogLevel.Error);
        return services;
    }
}
