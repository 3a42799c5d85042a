using Truce.Access;
using Truce.Reports;
using Truce.Storage;

namespace Truce.Demo;

/// <summary>
/// The demo's public account: three weeks of published daily reports, a spot report, a draft waiting for review, and
/// readers' comments (most approved, one held for the moderator), so the public site looks lived in from the start.
/// </summary>
internal static class DemoReports
{
    private const int Days = 21;

    private static readonly string[] Openings =
    [
        "The mission's patrols covered the buffer zone and both corridors.",
        "Fog limited observation in the morning; patrols resumed at midday.",
        "Monitors visited the crossing points and spoke with residents of border villages.",
        "A quieter day along the line of contact.",
    ];

    public static async Task LoadAsync(Store store, Viewer analyst, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(Instant.Now(store.Clock).UtcDateTime);
        await using var db = store.Open(analyst);
        Guid? latest = null;
        for (var back = Days; back >= 1; back--)
        {
            var day = today.AddDays(-back);
            var narrative = $"""
                {Openings[back % Openings.Length]}

                The figures below count only incidents the mission has **verified** or has **under review** and has published.
                See the [metrics page](/metrics) for any other period.
                """;
            latest = await PublishAsync(db, analyst, new ReportInput
            {
                Id = DemoId(back), Kind = "daily", Date = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Narrative = narrative,
            }, cancellationToken);
        }
        var spotDay = today.AddDays(-3);
        var spot = await PublishAsync(db, analyst, new ReportInput
        {
            Id = DemoId(100), Kind = "spot", Headline = "Shelling near the northern crossing (exercise)",
            From = $"{spotDay:yyyy-MM-dd}T00:00:00Z", To = $"{spotDay:yyyy-MM-dd}T12:00:00Z",
            Narrative = "Monitors heard explosions near the northern crossing during the night and visited the site at first light.\n\n- Craters were found in a field\n- No casualties were reported",
        }, cancellationToken);
        await Reports.Reports.GenerateAsync(db, analyst, new ReportInput
        {
            Id = DemoId(200), Kind = "daily", Date = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            Narrative = "Draft: today's report, written as the patrols come in.",
        }, cancellationToken);

        foreach (var (report, name, text, approve) in new[]
        {
            (latest, "Ani", "Thank you for publishing these every day.", true),
            (latest, "Elvin", "Is the northern corridor open for civilians this week?", true),
            (spot, "Marat", "We heard the explosions too, around three in the morning.", true),
            (latest, "Visitor", "Please add the road conditions to the reports.", false),
        })
        {
            if (report is not { } id)
            {
                continue;
            }
            var comment = await Comments.SubmitAsync(db, id, new CommentInput(name, text, null), cancellationToken);
            if (approve && comment.Value is { } held)
            {
                await Comments.ModerateAsync(db, analyst, held.Id, "approved", cancellationToken);
            }
        }
    }

    private static async Task<Guid?> PublishAsync(TruceDb db, Viewer analyst, ReportInput input, CancellationToken cancellationToken)
    {
        var generated = await Reports.Reports.GenerateAsync(db, analyst, input, cancellationToken);
        if (generated.Value is not { } draft)
        {
            return null;
        }
        await Reports.Reports.MoveAsync(db, analyst, draft.Record.Id, "review", cancellationToken);
        await Reports.Reports.MoveAsync(db, analyst, draft.Record.Id, "published", cancellationToken);
        return draft.Record.Id;
    }

    /// <summary>The same demo gives the same report ids.</summary>
    private static Guid DemoId(int n) => new($"00000000-0000-4000-8000-{n:D12}");
}
