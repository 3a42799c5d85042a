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
}

/// <summary>An expected failure, returned as a value: a title and the errors of each named field.</summary>
public sealed record Failure(FailureKind Kind, string Title, IReadOnlyDictionary<string, string[]> Errors)
{
    public static Failure Field(FailureKind kind, string field, string message) =>
        new(kind, message, new Dictionary<string, string[]> { [field] = [message] });

    public static Failure NotFound(string what) =>
        new(FailureKind.NotFound, $"{what} was not found.", new Dictionary<string, string[]>());

    public static Failure Forbidden(string message) =>
        new(FailureKind.Forbidden, message, new Dictionary<string, string[]>());
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
    private readonly Dictionary<string, List<string>> _errors = [];

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }
        list.Add(message);
    }

    public Failure ToFailure(string title = "The submission has invalid fields.") =>
        new(FailureKind.Invalid, title, _errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
}
