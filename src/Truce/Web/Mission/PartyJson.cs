using Truce.Mission;

namespace Truce.Web;

internal sealed record PartyJson(string Id, string Name, PartyKind Kind);
