using Truce.Hotline;
using Truce.Verification;

namespace Truce.Web;

/// <summary>What the dashboard shows; every count is of what the viewer may see.</summary>
public sealed record DashboardModel(
    Chrome Chrome, int Observations, int Unassigned, IReadOnlyList<(IncidentStatus Status, int Count)> IncidentsByStatus,
    IReadOnlyList<Incident> Latest, string? TileUrl,
    IReadOnlyList<(HotlineThread Thread, MessageView Message)> Awaiting) : IPageModel<Dashboard>;
