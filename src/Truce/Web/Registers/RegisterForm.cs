using System.Globalization;
using Truce.Humanitarian;
using Truce.MineAction;

namespace Truce.Web;

/// <summary>
/// A register form's text, read into the input the JSON API takes, under the API's field names, so that the same Core
/// call judges it. Only what text cannot carry is judged here: a number or an id that is not one is an error of its
/// field (a JSON body would have failed to parse); an empty field is absent, for the rule to require or default.
/// </summary>
internal sealed class RegisterForm(IFormCollection form)
{
    public FieldErrors Errors { get; } = new();

    /// <summary>What was typed, to fill the form again when it is refused.</summary>
    public IReadOnlyDictionary<string, string> Values { get; } = form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);

    public InfrastructureAssetInput Asset() => new()
    {
        Id = Id("id"), Name = Text("name"), Kind = Text("kind"), Place = Text("place"),
        Latitude = Number("latitude"), Longitude = Number("longitude"), Visibility = Text("visibility"),
    };

    public DamageAssessmentInput Damage() => new()
    {
        Id = Id("id"), Asset = Id("asset"), Level = Text("level"), Date = Text("date"), Source = Text("source"),
    };

    public RehabilitationProjectInput Project() => new()
    {
        Id = Id("id"), Asset = Id("asset"), Name = Text("name"), Status = Text("status"), ProgressPercent = (int?)Whole("progressPercent", int.MaxValue),
        BudgetUsd = Whole("budgetUsd", long.MaxValue), Funder = Text("funder"), Starts = Text("starts"), Ends = Text("ends"),
    };

    public DeviceFindInput DeviceFind() => new()
    {
        Id = Id("id"), DeviceType = Text("deviceType"), Count = (int?)Whole("count", int.MaxValue), Date = Text("date"),
    };

    public ClearanceTaskInput Task() => new()
    {
        Id = Id("id"), Organisation = Text("organisation"), Starts = Text("starts"), Ends = Text("ends"),
    };

    /// <summary>The hazardous area the mine-action forms name (the API has it in its path).</summary>
    public Guid? Area() => Id("area");

    private string? Text(string name) => form[name].ToString() is { } text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

    private Guid? Id(string name)
    {
        if (Text(name) is not { } text)
        {
            return null;
        }
        if (Guid.TryParse(text, out var id))
        {
            return id;
        }
        Errors.Add(name, $"'{Submission.Clip(text)}' is not a UUID.");
        return null;
    }

    private double? Number(string name)
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
        Errors.Add(name, $"'{Submission.Clip(text)}' is not a number.");
        return null;
    }

    /// <summary>A whole number up to <paramref name="max"/>; its sign is for the rule to judge, so "-5" reads as −5 and is refused there by name.</summary>
    private long? Whole(string name, long max)
    {
        if (Text(name) is not { } text)
        {
            return null;
        }
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value <= max && value >= -max)
        {
            return value;
        }
        Errors.Add(name, $"'{Submission.Clip(text)}' is not a whole number.");
        return null;
    }
}
