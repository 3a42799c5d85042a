using System.Globalization;
using System.Runtime.CompilerServices;

namespace Truce;

/// <summary>Why a command was refused. Each kind maps to one HTTP status and one CLI exit code.</summary>
public enum FailureKind
{
    /// <summary>The input is well-formed but breaks a rule (422).</summary>
    Invalid,
    /// <summary>The input cannot be read at all (400).</summary>
    Malformed,
    /// <summary>The request clashes with what is stored, such as a reused id with another body (409).</summary>
    Conflict,
    /// <summary>The record does not exist, or the viewer may not know that it does (404).</summary>
    NotFound,
    /// <summary>The viewer is known but may not do this (403).</summary>
    Forbidden,
    /// <summary>The input is larger than allowed (413).</summary>
    TooLarge,
    /// <summary>The server cannot take this now and says when to retry (503 with Retry-After); nothing was done.</summary>
    Busy,
}

/// <summary>
/// An expected failure, returned as a value: a title and the errors of each named field, in English (the CLI's and the
/// journal's language). <see cref="TitleFormat"/> and <see cref="ErrorFormats"/> keep the same texts as formats with their
/// arguments, so the web layer can say them in the viewer's language (the format is the key, the arguments are formatted
/// in the viewer's culture).
/// </summary>
public sealed record Failure(FailureKind Kind, string Title, IReadOnlyDictionary<string, string[]> Errors)
{
    /// <summary>The title as a format and its arguments; null when the failure was built from plain text.</summary>
    public FormattableString? TitleFormat { get; init; }

    /// <summary>Each field's messages as formats and their arguments, in the order of <see cref="Errors"/>; null: plain text.</summary>
    public IReadOnlyDictionary<string, FormattableString[]>? ErrorFormats { get; init; }

    public static Failure Field(FailureKind kind, string field, FormattableString message) =>
        new(kind, English(message), new Dictionary<string, string[]> { [field] = [English(message)] })
        {
            TitleFormat = message,
            ErrorFormats = new Dictionary<string, FormattableString[]> { [field] = [message] },
        };

    /// <summary>"The incident was not found.": the whole sentence is the key, so each language words it its own way.</summary>
    public static Failure NotFound(string what) =>
        new(FailureKind.NotFound, $"{what} was not found.", new Dictionary<string, string[]>())
        {
            TitleFormat = FormattableStringFactory.Create($"{what} was not found."),
        };

    public static Failure Forbidden(FormattableString message) =>
        new(FailureKind.Forbidden, English(message), new Dictionary<string, string[]>()) { TitleFormat = message };

    public static Failure Busy(FormattableString message) =>
        new(FailureKind.Busy, English(message), new Dictionary<string, string[]>()) { TitleFormat = message };

    /// <summary>A message as the CLI and the journal keep it: English, numbers and dates culture-invariant.</summary>
    public static string English(FormattableString message) => message.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Either a value or a <see cref="Failure"/>.</summary>
public readonly record struct Result<T>
{
    private Result(T? value, Failure? failure) => (Value, Failure) = (value, failure);

    public T? Value { get; }

    public Failure? Failure { get; }

    public bool Succeeded => Failure is null;

    public static implicit operator Result<T>(T value) => new(value, null);

    public static implicit operator Result<T>(Failure failure) => new(default, failure);
}

/// <summary>Collects field errors while a rule checks an input, in the order they are found.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<FormattableString>> _errors = [];

    public bool Any => _errors.Count > 0;

    /// <summary>Whether a field already has a message, so a rule does not add a second one for the same fault.</summary>
    public bool Has(string field) => _errors.ContainsKey(field);

    /// <summary>A field's message as an interpolated string: its format is the key of its translations.</summary>
    public void Add(string field, FormattableString message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }
        list.Add(message);
    }

    public Failure ToFailure() => ToFailure($"The submission has invalid fields.");

    public Failure ToFailure(FormattableString title) =>
        new(FailureKind.Invalid, Failure.English(title), _errors.ToDictionary(e => e.Key, e => e.Value.Select(Failure.English).ToArray()))
        {
            TitleFormat = title,
            ErrorFormats = _errors.ToDictionary(e => e.Key, e => e.Value.ToArray()),
        };
}
