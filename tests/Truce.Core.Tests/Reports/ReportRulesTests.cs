using Truce.Reports;

namespace Truce.Core.Tests.Reports;

public sealed class ReportRulesTests
{
    [Theory]
    [InlineData(ReportStatus.Draft, ReportStatus.Review, true)]
    [InlineData(ReportStatus.Review, ReportStatus.Draft, true)]
    [InlineData(ReportStatus.Review, ReportStatus.Published, true)]
    [InlineData(ReportStatus.Draft, ReportStatus.Published, false)]
    [InlineData(ReportStatus.Published, ReportStatus.Draft, false)]
    [InlineData(ReportStatus.Published, ReportStatus.Review, false)]
    public void A_report_goes_through_review_before_publication_and_never_leaves_it(ReportStatus from, ReportStatus to, bool allowed) =>
        Assert.Equal(allowed, ReportRules.CanMove(from, to));

    [Fact]
    public void Numbers_continue_from_the_highest_given_in_the_year()
    {
        Assert.Equal(1, ReportRules.NextNumber([]));
        Assert.Equal(204, ReportRules.NextNumber([1, 203, 17]));
    }

    [Fact]
    public void A_daily_report_covers_one_utc_day()
    {
        var (from, to) = ReportRules.Day(new DateOnly(2026, 11, 28));
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero), from);
        Assert.Equal(new DateTimeOffset(2026, 11, 29, 0, 0, 0, TimeSpan.Zero), to);
    }

    [Fact]
    public void The_title_numbers_a_published_report_within_its_kind_and_year()
    {
        var at = new DateTimeOffset(2026, 7, 22, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal("Daily Report 203/2026", ReportRules.Title(new Report { Kind = ReportKind.Daily, Number = 203, Year = 2026, PeriodFrom = at }));
        Assert.Equal("Spot Report 4/2026", ReportRules.Title(new Report { Kind = ReportKind.Spot, Number = 4, Year = 2026, PeriodFrom = at }));
        Assert.Equal("Daily Report (draft, 2026-07-22)", ReportRules.Title(new Report { Kind = ReportKind.Daily, Year = 2026, PeriodFrom = at }));
    }

    [Fact]
    public void Related_reports_share_zones_or_topics_first_then_are_near_in_time()
    {
        var day = new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);
        Report Make(int days, string zones, string topics, Guid? corrects = null) =>
            new() { Id = Guid.NewGuid(), PeriodFrom = day.AddDays(days), Zones = zones, Topics = topics, CorrectsId = corrects };
        var report = Make(0, "north south", "explosion");
        var sameZoneAndTopic = Make(-20, "north", "explosion");
        var sameZone = Make(-30, "south", "small_arms_fire");
        var nextDay = Make(1, "", "");
        var farAndUnrelated = Make(-40, "east", "other");
        var correction = Make(2, "", "", report.Id);

        var related = ReportRules.Related(report, [report, sameZone, farAndUnrelated, nextDay, sameZoneAndTopic, correction], 10);

        Assert.Equal([correction, sameZoneAndTopic, sameZone, nextDay], related);
    }
}
