using Truce.Hotline;

namespace Truce.Web;

/// <summary>A message awaiting the viewer: its thread and the message with its escalation now.</summary>
internal sealed record HotlineAwaitingJson(Guid ThreadId, string Subject, HotlineMessageJson Message)
{
    public static HotlineAwaitingJson From((HotlineThread Thread, MessageView Message) item) =>
        new(item.Thread.Id, item.Thread.Subject, HotlineMessageJson.From(item.Message));
}
