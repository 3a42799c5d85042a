using Microsoft.Extensions.Localization;

// The assembly is named "truce" (the command's name); the resources are named after the root namespace "Truce".
[assembly: RootNamespace("Truce")]

namespace Truce.Web;

/// <summary>
/// Names the resource set of every word a person reads: Resources/Web/PageText.resx (English, the neutral file)
/// and one PageText.{language}.resx per language. Components get it as <c>IStringLocalizer&lt;PageText&gt; T</c>.
/// </summary>
#pragma warning disable CA1812 // never instantiated: it only names the resources for IStringLocalizer<PageText>
internal sealed class PageText;
#pragma warning restore CA1812
