using System.Globalization;

namespace Truce;

/// <summary>
/// Answers typed as text (a page's form, a field client's form submission) read by name into the values the JSON API
/// takes, so that the same Core rules judge them. Only what text cannot carry is judged here: a number or an id that
/// is not one is an error of its field (a JSON body would have failed to parse); an empty answer is absent, for the
/// rule to require or default.
/// </summary>
public sealed class FormAnswers(Func<string, string?> answer, FieldErrors errors)
{
    /// <summary>The answer trimmed, or null when it is missing or blank.</summary>
    public string? Text(string name) => answer(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    public Guid? Id(string name)
    {
        if (Text(name) is not { } text)
        {
            return null;
        }
        if (Guid.TryParse(text, out var id))
        {
            return id;
        }
        errors.Add(name, $"'{Submission.Clip(text)}' is not a UUID.");
        return null;
    }

    public double? Number(string name)
    {
        if (Text(name) is not { } text)
        {
            return null;
        }
        // A decimal comma is read as a point, as phones' keyboards type it.
        if (double.TryParse(text.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }
        errors.Add(name, $"'{Submission.Clip(text)}' is not a number.");
        return null;
    }

    /// <summary>A whole number that fits an int; its sign is for the rule to judge, so "-5" reads as −5 and is refused there by name.</summary>
    public int? Whole(string name) => (int?)Whole(name, int.MaxValue);

    /// <summary>A whole number from −<paramref name="max"/> to <paramref name="max"/>; its sign is for the rule to judge.</summary>
    public long? Whole(string name, long max)
    {
        if (Text(name) is not { } text)
        {
            return null;
        }
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value <= max && value >= -max)
        {
            return value;
        }
        errors.Add(name, $"'{Submission.Clip(text)}' is not a whole number.");
        return null;
    }
}
