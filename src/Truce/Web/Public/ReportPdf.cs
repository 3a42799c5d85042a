using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Truce.Reports;
using Truce.Verification;

namespace Truce.Web;

/// <summary>
/// A published report as a PDF (PDFsharp, no browser at run time): its title, period and observation conditions, the
/// figures, the incidents it cites and the narrative as text, on as many A4 pages as it needs. In English, the
/// mission's working language, like the feed.
/// </summary>
internal static class ReportPdf
{
    private const double Margin = 50;

    public static byte[] Write(string missionName, Report report, ReportFigures figures, IReadOnlyDictionary<string, string> parties)
    {
        PdfFonts.Install();
        using var document = new PdfDocument();
        document.Info.Title = ReportRules.Title(report);
        document.Info.Author = missionName;
        var writer = new PageWriter(document);
        writer.Line(missionName, 10, false);
        writer.Line(ReportRules.Title(report), 18, true);
        writer.Line($"Period: {report.PeriodFrom:yyyy-MM-dd HH:mm} to {report.PeriodTo:yyyy-MM-dd HH:mm} UTC", 10, false);
        var conditions = figures.Conditions;
        writer.Line($"Observation conditions: {(conditions.Weather.Count > 0 ? string.Join(", ", conditions.Weather) : "no weather recorded")}; " +
            (conditions.ShortestViewM is { } shortest ? $"visibility {shortest}–{conditions.LongestViewM} m" : "no visibility recorded"), 10, false);
        if (report.Headline is { Length: > 0 } headline)
        {
            writer.Line(headline, 13, true);
        }
        writer.Gap();
        writer.Line(new MetricReport(report.PeriodFrom, report.PeriodTo, report.PeriodFrom, MetricGrouping.Category, Metrics.DefaultStatuses, [],
            figures.Total, figures.PreviousTotal, figures.Explosions).Summary, 11, false);
        var c = figures.Casualties;
        writer.Line($"Casualties: civilians {c.CiviliansKilled} killed, {c.CiviliansInjured} injured; combatants {c.CombatantsKilled} killed, {c.CombatantsInjured} injured.", 11, false);
        writer.Line($"Restrictions of the monitors' freedom of movement: {figures.MovementRestrictions}.", 11, false);
        foreach (var (heading, rows) in new[] { ("By category", figures.ByCategory), ("By zone", figures.ByZone), ("By alleged party", figures.ByParty) })
        {
            writer.Gap();
            writer.Line(heading, 12, true);
            foreach (var row in rows.Where(r => r.Count > 0 || r.Previous > 0))
            {
                writer.Line($"{row.Label}: {row.Count} (previous period {row.Previous}, change {row.Change.ToString("+0;-0;0", CultureInfo.InvariantCulture)})", 10, false);
            }
        }
        writer.Gap();
        writer.Line("Incidents", 12, true);
        foreach (var i in figures.Incidents)
        {
            var party = i.AttributedPartyId is { } p ? $"; attributed to {parties.GetValueOrDefault(p, p)}" : "";
            writer.Line($"{i.StartsAt:yyyy-MM-dd HH:mm} UTC · {i.Category.Replace('_', ' ')} · {i.Status.Replace('_', ' ')} · {i.Latitude:0.00}, {i.Longitude:0.00} (±{i.PrecisionM} m){party}. {i.Title}", 10, false);
            if (i.Status == "disputed")
            {
                writer.Line(i.PartyReply is { } reply ? $"The party's reply: {reply}" : "The party gave no reply before publication.", 10, false);
            }
        }
        if (report.Narrative.Length > 0)
        {
            writer.Gap();
            writer.Line("Narrative", 12, true);
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
