using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Truce.Handovers;

namespace Truce.Web;

/// <summary>The handover schedule as RFC 5545 iCalendar: each phase as an event over its window, each handover at its scheduled hour.</summary>
internal static class HandoverCalendar
{
    public static string Write(HandoverTimeline timeline, DateTimeOffset now, string host)
    {
        var calendar = new Calendar { ProductId = "-//Truce//Handover schedule//EN" };
        calendar.AddProperty("X-WR-CALNAME", "Truce handover schedule");
        foreach (var phase in timeline.Phases)
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"phase-{phase.Id}@{host}",
                Summary = $"Phase {phase.Number}: {phase.Name}",
                DtStart = new CalDateTime(phase.StartsAt.UtcDateTime),
                DtEnd = new CalDateTime(phase.EndsAt.UtcDateTime),
                DtStamp = new CalDateTime(now.UtcDateTime),
            });
        }
        foreach (var evaluated in timeline.Handovers)
        {
            var h = evaluated.Handover;
            var gates = string.Join("; ", evaluated.Gates.Select(g => $"{Slug.Of(g.Kind)}: {(g.Passed ? "holds" : "fails")}"));
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"handover-{h.Id}@{host}",
                Summary = $"Handover: {h.Name}",
                Description = $"From {h.FromPartyId} to {h.ToPartyId}. State: {Slug.Of(h.State)}. Gates: {gates}.",
                Location = string.Join(", ", new[] { h.ZoneId }.Concat(h.Sites).OfType<string>()),
                DtStart = new CalDateTime(h.ScheduledAt.UtcDateTime),
                DtEnd = new CalDateTime(h.ScheduledAt.UtcDateTime.AddHours(1)),
                DtStamp = new CalDateTime(now.UtcDateTime),
                Status = h.State == HandoverState.Postponed ? EventStatus.Cancelled : EventStatus.Confirmed,
            });
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}
