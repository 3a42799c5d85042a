using System.Globalization;
using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using Microsoft.Extensions.Localization;
using Truce.Reports;

namespace Truce.Web;

/// <summary>
/// The Atom feed (RFC 4287) of published reports, written by System.ServiceModel.Syndication. Its own words (titles) are in
/// the reader's language (?lang=, Accept-Language), declared in xml:lang; the reports' text as the mission wrote it.
/// </summary>
internal static class ReportFeed
{
    /// <summary>
    /// The feed of <paramref name="reports"/> (newest first). Ids are tag-free URLs of each report's public page, which
    /// never change; an entry's updated time is its publication, since a published report is never changed.
    /// </summary>
    public static byte[] Atom(IStringLocalizer<PageText> t, string missionName, string origin, string self, IReadOnlyList<Report> reports, string? zone, string? topic)
    {
        var title = (zone, topic) switch
        {
            ({ Length: > 0 }, _) => t["Feed.ZoneTitle", missionName, zone],
            (_, { Length: > 0 }) => t["Feed.TopicTitle", missionName, topic.Replace('_', ' ')],
            _ => t["Feed.Title", missionName],
        };
        var feed = new SyndicationFeed(title, t["Feed.Subtitle"], new Uri($"{origin}/public"))
        {
            Id = $"{origin}{self}",
            Language = Languages.Of(CultureInfo.CurrentUICulture),
            LastUpdatedTime = reports.Count > 0 ? reports.Max(r => r.PublishedAt ?? r.UpdatedAt) : DateTimeOffset.UnixEpoch,
            Items = reports.Select(r => Entry(t, origin, r)).ToList(),
        };
        feed.Links.Add(new SyndicationLink(new Uri($"{origin}{self}"), "self", title, "application/atom+xml", 0));
        feed.Authors.Add(new SyndicationPerson { Name = missionName });
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            new Atom10FeedFormatter(feed).WriteTo(writer);
        }
        return stream.ToArray();
    }

    private static SyndicationItem Entry(IStringLocalizer<PageText> t, string origin, Report report)
    {
        var link = new Uri($"{origin}{ReportTitle.Link(report)}");
        var summary = report.Headline is { Length: > 0 } headline ? headline : Narrative.ToPlainText(report.Narrative);
        var item = new SyndicationItem(ReportTitle.Of(t, report), SyndicationContent.CreateHtmlContent(Narrative.ToHtml(report.Narrative)), link, link.ToString(),
            report.PublishedAt ?? report.UpdatedAt)
        {
            PublishDate = report.PublishedAt ?? report.UpdatedAt,
            Summary = new TextSyndicationContent(summary.Length > 400 ? summary[..400] + "…" : summary),
        };
        foreach (var topic in ReportRules.Words(report.Topics))
        {
            item.Categories.Add(new SyndicationCategory(topic, $"{origin}/public/feed.atom?topic=", null));
        }
        foreach (var zone in ReportRules.Words(report.Zones))
        {
            item.Categories.Add(new SyndicationCategory(zone, $"{origin}/public/feed.atom?zone=", null));
        }
        return item;
    }
}
