using Truce.Mission;

namespace Truce.Web;

/// <summary>What the page <see cref="ObservationNew"/> shows.</summary>
public sealed record ObservationNewModel(Chrome Chrome, IReadOnlyDictionary<string, string> Values, IReadOnlyList<Party> Parties, Failure? Problem) : IPageModel<ObservationNew>;
