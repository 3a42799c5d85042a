using Truce.Access;
using Truce.Verification;

namespace Truce.Core.Tests.Verification;

public sealed class AssessmentRulesTests
{
    private static readonly Viewer Analyst = new(Guid.NewGuid(), "analyst", Role.Analyst, null);
    private static readonly HashSet<string> Parties = ["west", "east"];
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 8, 0, 0, TimeSpan.Zero);

    private static Incident Incident(IncidentStatus status) => new() { Id = Guid.NewGuid(), Status = status };

    private static AssessmentInput Valid => new()
    {
        Id = Guid.NewGuid(), Status = "under_review", SourceReliability = "b", InformationCredibility = 2, Rationale = "Two patrols agree.",
    };

    [Fact]
    public void A_valid_assessment_keeps_reliability_and_credibility_apart()
    {
        var result = AssessmentRules.Build(Valid, Incident(IncidentStatus.Reported), Analyst, Parties, Now);
        Assert.True(result.Succeeded);
        Assert.Equal('B', result.Value!.SourceReliability);
        Assert.Equal(2, result.Value.InformationCredibility);
        Assert.Equal(IncidentStatus.Reported, result.Value.StatusBefore);
        Assert.Equal(IncidentStatus.UnderReview, result.Value.Status);
    }

    [Theory]
    [InlineData("G", 2, "sourceReliability")]
    [InlineData("AB", 2, "sourceReliability")]
    [InlineData("A", 0, "informationCredibility")]
    [InlineData("A", 7, "informationCredibility")]
    public void Grades_outside_the_Admiralty_scale_are_named(string reliability, int credibility, string field)
    {
        var result = AssessmentRules.Build(Valid with { SourceReliability = reliability, InformationCredibility = credibility },
            Incident(IncidentStatus.Reported), Analyst, Parties, Now);
        Assert.Equal(FailureKind.Invalid, result.Failure!.Kind);
        // What is allowed, not "is required": the client sent a value.
        Assert.Contains(field == "sourceReliability" ? "must be one of A, B, C, D, E, F" : "must be one of 1, 2, 3, 4, 5, 6", result.Failure.Errors[field][0], StringComparison.Ordinal);
    }

    [Fact]
    public void An_attribution_needs_a_known_party_and_a_confidence()
    {
        var unknown = AssessmentRules.Build(Valid with { AttributedParty = "north", AttributionConfidence = "high" },
            Incident(IncidentStatus.Reported), Analyst, Parties, Now);
        Assert.Contains("attributedParty", unknown.Failure!.Errors.Keys);

        var noConfidence = AssessmentRules.Build(Valid with { AttributedParty = "west" }, Incident(IncidentStatus.Reported), Analyst, Parties, Now);
        Assert.Contains("attributionConfidence", noConfidence.Failure!.Errors.Keys);
    }

    [Fact]
    public void An_illegal_status_change_is_a_conflict_listing_the_legal_ones()
    {
        var result = AssessmentRules.Build(Valid with { Status = "verified" }, Incident(IncidentStatus.Reported), Analyst, Parties, Now);
        Assert.Equal(FailureKind.Conflict, result.Failure!.Kind);
        Assert.Contains("under_review", result.Failure.Errors["status"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_rationale_is_required()
    {
        var result = AssessmentRules.Build(Valid with { Rationale = "  " }, Incident(IncidentStatus.Reported), Analyst, Parties, Now);
        Assert.Contains("rationale", result.Failure!.Errors.Keys);
    }
}
