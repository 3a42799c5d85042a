namespace Truce.Web;

/// <summary>
/// Names the resource set of Core's failure messages: Resources/Web/MessageText.resx and one file per language. The key is
/// the message's English format ("must be at least {0} characters."), so Core keeps writing plain English.
/// </summary>
#pragma warning disable CA1812 // never instantiated: it only names the resources
internal sealed class MessageText;
#pragma warning restore CA1812
