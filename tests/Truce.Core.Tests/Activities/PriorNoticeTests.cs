using System.Text.Json;
using Truce.Access;
using Truce.Activities;
using Truce.Monitoring;

namespace Truce.Core.Tests.Activities;

public sealed class PriorNoticeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);
    private static readonly Viewer West = new(Guid.NewGuid(), "west1", Role.Liaison, "west");

    private static NotifiedActivity Demining(string area) => ActivityRules.Build(new ActivityInput
    {
        Id = Guid.NewGuid(), Kind = "demining", Area = JsonDocument.Parse(area).RootElement,
        StartsAt = "2026-11-29T09:00:00Z", EndsAt = "2026-11-29T15:00:00Z",
    }, West, Now, LeadTimes.Default).Value!;

    [Fact]
    public void Inside_the_area_and_window_is_pre_notified_outside_either_is_not()
    {
        var activity = Demining("""{"type":"Polygon","coordinates":[[[46.70,39.80],[46.80,39.80],[46.80,39.85],[46.70,39.85],[46.70,39.80]]]}""");
        var noon = Now.AddHours(2);

        Assert.Equal(PriorNotice.PreNotified, PriorNotices.Of(39.82, 46.75, noon, noon, Category.Explosion, [activity]).Flag);
        Assert.Equal(PriorNotice.None, PriorNotices.Of(39.90, 46.75, noon, noon, Category.Explosion, [activity]).Flag);
        Assert.Equal(PriorNotice.None, PriorNotices.Of(39.82, 46.75, noon.AddHours(6), noon.AddHours(6), Category.Explosion, [activity]).Flag);
        Assert.Equal(PriorNotice.NotNotified, PriorNotices.Of(39.90, 46.75, noon, noon, Category.MilitaryMovement, [activity]).Flag);
        Assert.Equal(PriorNotice.PreNotified, PriorNotices.Of(39.82, 46.75, noon, noon, Category.MilitaryMovement, [activity]).Flag);
    }

    [Fact]
    public void Notified_less_than_the_lead_time_ahead_is_late()
    {
        // Starts an hour before "now": far less than 48 hours' notice.
        Assert.True(Demining("""{"type":"Polygon","coordinates":[[[46.70,39.80],[46.80,39.80],[46.80,39.85],[46.70,39.80]]]}""").LateNotice);
    }

    [Fact]
    public void A_bow_tie_polygon_is_refused_naming_the_area()
    {
        var built = ActivityRules.Build(new ActivityInput
        {
            Id = Guid.NewGuid(), Kind = "exercise",
            Area = JsonDocument.Parse("""{"type":"Polygon","coordinates":[[[0,0],[1,1],[1,0],[0,1],[0,0]]]}""").RootElement,
            StartsAt = "2026-12-05T09:00:00Z", EndsAt = "2026-12-05T15:00:00Z",
        }, West, Now, LeadTimes.Default);

        Assert.Equal(["area"], built.Failure!.Errors.Keys);
    }
}
