using System.Globalization;
using Microsoft.Extensions.Localization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Truce.Reports;
using Truce.Verification;

namespace Truce.Web;

/// <summary>
/// A published report as a PDF (PDFsharp, no browser at run time): its title, period and observation conditions, the
/// figures (the notified activities and the handovers too, as the report page has them), the incidents it cites and the
/// narrative as text, on as many A4 pages as it needs. Its fixed words are the report page's (PageText) in the reader's
/// language; what the mission wrote (headline, narrative, titles) as written.
/// </summary>
internal static class ReportPdf
{
    private const double Margin = 50;

    public static byte[] Write(IStringLocalizer<PageText> t, string missionName, Report report, ReportFigures figures, IReadOnlyDictionary<string, string> parties)
    {
        PdfFonts.Install();
        using var document = new PdfDocument();
        var title = ReportTitle.Of(t, report);
        document.Info.Title = title;
        document.Info.Author = missionName;
        var writer = new PageWriter(document);
        writer.Line(missionName, 10, false);
        writer.Line(title, 18, true);
        writer.Line($"{t["Report.Period"]} {Utc(report.PeriodFrom)} {t["Word.To"]} {Utc(report.PeriodTo)}", 10, false);
        var conditions = figures.Conditions;
        var weather = conditions.Weather.Count > 0 ? string.Join(", ", conditions.Weather) : t["Report.NoWeather"].Value;
        var view = conditions.ShortestViewM is { } shortest ? t["Report.ViewRange", shortest, conditions.LongestViewM ?? shortest].Value : t["Report.NoViewRange"].Value;
        writer.Line($"{t["Report.Conditions"]} {weather}; {view}", 10, false);
        if (report.Headline is { Length: > 0 } headline)
        {
            writer.Line(headline, 13, true);
        }
        writer.Gap();
        writer.Line(t.Plural("Metrics.Violations", figures.Total) + t.Plural("Metrics.Explosions", figures.Explosions) + t["Metrics.Against", figures.PreviousTotal], 11, false);
        var c = figures.Casualties;
        writer.Line(t["Report.Casualties", c.CiviliansKilled, c.CiviliansInjured, c.CombatantsKilled, c.CombatantsInjured], 11, false);
        writer.Line(t.Plural("Report.Restrictions", figures.MovementRestrictions), 11, false);
        foreach (var (heading, rows, category) in new[] { ("Report.ByCategory", figures.ByCategory, true), ("Report.ByZone", figures.ByZone, false), ("Report.ByParty", figures.ByParty, false) })
        {
            writer.Gap();
            writer.Line(t[heading], 12, true);
            foreach (var row in rows.Where(r => r.Count > 0 || r.Previous > 0))
            {
                var label = category ? t[$"Category.{row.Key}"].Value : row.Label;
                writer.Line(t["Report.FigureRow", label, row.Count, row.Previous, row.Change.ToString("+0;-0;0", CultureInfo.InvariantCulture)], 10, false);
            }
        }
        WriteActivities(writer, t, figures);
        WriteHandovers(writer, t, figures.Handovers, parties);
        writer.Gap();
        writer.Line(t["Report.Incidents"], 12, true);
        foreach (var i in figures.Incidents)
        {
            var party = i.AttributedPartyId is { } p ? $"; {t["Report.AttributedTo"]} {parties.GetValueOrDefault(p, p)}" : "";
            writer.Line($"{Utc(i.StartsAt)} · {t[$"Category.{i.Category}"]} · {t[$"IncidentStatus.{i.Status}"]} · " +
                $"{i.Latitude.ToString("0.00", CultureInfo.InvariantCulture)}, {i.Longitude.ToString("0.00", CultureInfo.InvariantCulture)} ({t["Unit.PlusMinusMetres", i.PrecisionM]}){party}. {i.Title}", 10, false);
            if (i.Status == "disputed")
            {
                writer.Line(i.PartyReply is { } reply ? $"{t["Report.PartyReply"]} {reply}" : t["Report.NoReply"], 10, false);
            }
        }
        if (report.Narrative.Length > 0)
        {
            writer.Gap();
            writer.Line(t["Report.Narrative"], 12, true);
            foreach (var paragraph in Narrative.ToPlainText(report.Narrative).Split('\n'))
            {
                writer.Line(paragraph, 10, false);
            }
        }
        writer.Done();
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    /// <summary>As the report page's "Notified activities" section: the count per kind (and how many late), then what they flag.</summary>
    private static void WriteActivities(PageWriter writer, IStringLocalizer<PageText> t, ReportFigures figures)
    {
        writer.Gap();
        writer.Line(t["Report.NotifiedActivities"], 12, true);
        if (figures.NotifiedActivities.Count == 0)
        {
            writer.Line(t["Report.NoActivities"], 10, false);
        }
        foreach (var a in figures.NotifiedActivities)
        {
            var late = a.LateNotice > 0 ? $" ({t["Report.LateNotice", a.LateNotice]})" : "";
            writer.Line($"{t[$"ActivityKind.{a.Kind}"]}: {a.Count}{late}", 10, false);
        }
        var n = figures.PriorNotices;
        writer.Line(t["Report.PriorNotices", n.PreNotifiedIncidents, n.PreNotifiedObservations, n.NotNotifiedIncidents, n.NotNotifiedObservations], 10, false);
    }

    /// <summary>As the report page's "Handovers" section: each handover completed or postponed in the period, when, and to whom.</summary>
    private static void WriteHandovers(PageWriter writer, IStringLocalizer<PageText> t, IReadOnlyList<HandoverMilestone> handovers, IReadOnlyDictionary<string, string> parties)
    {
        writer.Gap();
        writer.Line(t["Report.Handovers"], 12, true);
        if (handovers.Count == 0)
        {
            writer.Line(t["Report.NoHandovers"], 10, false);
        }
        foreach (var h in handovers)
        {
            writer.Line($"{Utc(h.At)} · {h.Name} · {t[$"HandoverState.{h.State}"]} · {t["Report.HandedTo", parties.GetValueOrDefault(h.ToPartyId, h.ToPartyId)]}", 10, false);
        }
    }

    /// <summary>A PDF has no viewer's clock to convert in: instants are shown in UTC, and say so.</summary>
    private static string Utc(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";

    /// <summary>Writes lines top to bottom, wrapping at the margin and starting a new page when one is full.</summary>
    private sealed class PageWriter(PdfDocument document)
    {
        private XGraphics? _graphics;
        private double _y;
        private double _width;
        private double _bottom;

        public void Gap() => _y += 8;

        /// <summary>Ends the last page's drawing, which must come before the document is saved.</summary>
        public void Done() => _graphics?.Dispose();

        public void Line(string text, double size, bool bold)
        {
            var font = new XFont(PdfFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);
            foreach (var line in Wrap(text, font))
            {
                if (_graphics is null || _y + (size * 1.4) > _bottom)
                {
                    NewPage();
                }
                _graphics!.DrawString(line, font, XBrushes.Black, new XPoint(Margin, _y + size));
                _y += size * 1.4;
            }
        }

        private void NewPage()
        {
            _graphics?.Dispose();
            var page = document.AddPage();
            _graphics = XGraphics.FromPdfPage(page);
            _width = page.Width.Point - (2 * Margin);
            _bottom = page.Height.Point - Margin;
            _y = Margin;
        }

        private IEnumerable<string> Wrap(string text, XFont font)
        {
            if (_graphics is null)
            {
                NewPage();
            }
            var line = "";
            foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : $"{line} {word}";
                if (line.Length > 0 && _graphics!.MeasureString(candidate, font).Width > _width)
                {
                    yield return line;
                    line = word;
                }
                else
                {
                    line = candidate;
                }
            }
            yield return line;
        }
    }
}
