namespace Truce.Web;

/// <summary>Where the first-start message goes: the console of `truce serve`, or a test's writer.</summary>
internal sealed record StartupConsole(TextWriter Writer);
