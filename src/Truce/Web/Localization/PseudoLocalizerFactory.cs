using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Truce.Web;

/// <summary>The framework's resource localisers, whose strings become pseudo-text while the UI culture is the pseudo-locale.</summary>
internal sealed class PseudoLocalizerFactory(IOptions<LocalizationOptions> options, ILoggerFactory loggerFactory) : IStringLocalizerFactory
{
    private readonly ResourceManagerStringLocalizerFactory _resources = new(options, loggerFactory);

    public IStringLocalizer Create(Type resourceSource) => new PseudoLocalizer(_resources.Create(resourceSource));

    public IStringLocalizer Create(string baseName, string location) => new PseudoLocalizer(_resources.Create(baseName, location));

    private sealed class PseudoLocalizer(IStringLocalizer inner) : IStringLocalizer
    {
        // ICU may spell the name "qps-Ploc" (it reads "ploc" as a script), hence ignoring case.
        private static bool Active => string.Equals(CultureInfo.CurrentUICulture.Name, Languages.Pseudo, StringComparison.OrdinalIgnoreCase);

        public LocalizedString this[string name] => Wrap(inner[name]);

        public LocalizedString this[string name, params object[] arguments] =>
            Active ? new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, this[name].Value, arguments)) : inner[name, arguments];

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures).Select(Wrap);

        private static LocalizedString Wrap(LocalizedString s) =>
            Active && !s.ResourceNotFound ? new LocalizedString(s.Name, Pseudo.Of(s.Value), s.ResourceNotFound, s.SearchedLocation) : s;
    }
}
