namespace Truce.Web;

/// <summary>
/// Where the first-start message goes: the console of `truce serve`, or a test's writer. <paramref name="Interactive"/>
/// is whether a person reads it at a terminal (standard output not redirected to a file, a pipe or a service's log):
/// only then is a secret printed on it.
/// </summary>
internal sealed record StartupConsole(TextWriter Writer, bool Interactive);
