using Truce.Monitoring;
using Truce.Verification;

namespace Truce.Web;

/// <summary>One group the corroboration engine proposes, with the observations it holds as the viewer may see them.</summary>
public sealed record Proposal(Cluster Cluster, IReadOnlyList<Observation> Observations);
