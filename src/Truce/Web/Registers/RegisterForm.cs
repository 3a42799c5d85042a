using Truce.Humanitarian;
using Truce.MineAction;

namespace Truce.Web;

/// <summary>
/// A register form's text, read by <see cref="FormAnswers"/> into the input the JSON API takes, under the API's field
/// names, so that the same Core call judges it.
/// </summary>
internal sealed class RegisterForm
{
    private readonly FormAnswers answers;

    public RegisterForm(IFormCollection form)
    {
        answers = new FormAnswers(name => form[name].ToString(), Errors);
        Values = form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
    }

    public FieldErrors Errors { get; } = new();

    /// <summary>What was typed, to fill the form again when it is refused.</summary>
    public IReadOnlyDictionary<string, string> Values { get; }

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

    private string? Text(string name) => answers.Text(name);

    private Guid? Id(string name) => answers.Id(name);

    private double? Number(string name) => answers.Number(name);

    private long? Whole(string name, long max) => answers.Whole(name, max);
}
