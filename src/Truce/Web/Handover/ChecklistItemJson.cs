using Truce.Handovers;

namespace Truce.Web;

public sealed record ChecklistItemJson(Guid Id, Guid HandoverId, string Text, string? Evidence, string? DoneBy, DateTimeOffset? DoneAt)
{
    public static ChecklistItemJson From(ChecklistItem i) => new(i.Id, i.HandoverId, i.Text, i.Evidence, i.DoneBy, i.DoneAt);
}
