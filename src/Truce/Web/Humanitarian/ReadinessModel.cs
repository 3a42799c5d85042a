using Truce.Humanitarian;

namespace Truce.Web;

/// <summary>What the page <see cref="ReadinessPage"/> shows: every locality's assessment in the chosen order (score or name).</summary>
public sealed record ReadinessModel(Chrome Chrome, IReadOnlyList<ReadinessAssessment> Assessments, string Sort, Failure? Problem) : IPageModel<ReadinessPage>;
