using Truce.Verification;

namespace Truce.Core.Tests.Verification;

public sealed class IncidentStatusTests
{
    // The full table, written out independently of the code's dictionary: [from, to, legal].
    public static TheoryData<IncidentStatus, IncidentStatus, bool> Transitions()
    {
        var legal = new HashSet<(IncidentStatus, IncidentStatus)>
        {
            (IncidentStatus.Reported, IncidentStatus.UnderReview), (IncidentStatus.Reported, IncidentStatus.Rejected),
            (IncidentStatus.UnderReview, IncidentStatus.Verified), (IncidentStatus.UnderReview, IncidentStatus.Unverifiable),
            (IncidentStatus.UnderReview, IncidentStatus.Disputed), (IncidentStatus.UnderReview, IncidentStatus.Rejected),
            (IncidentStatus.Verified, IncidentStatus.Disputed), (IncidentStatus.Verified, IncidentStatus.UnderReview),
            (IncidentStatus.Disputed, IncidentStatus.Verified), (IncidentStatus.Disputed, IncidentStatus.Unverifiable),
            (IncidentStatus.Disputed, IncidentStatus.Rejected), (IncidentStatus.Disputed, IncidentStatus.UnderReview),
            (IncidentStatus.Unverifiable, IncidentStatus.UnderReview), (IncidentStatus.Rejected, IncidentStatus.UnderReview),
        };
        var data = new TheoryData<IncidentStatus, IncidentStatus, bool>();
        foreach (var from in Enum.GetValues<IncidentStatus>())
        {
            foreach (var to in Enum.GetValues<IncidentStatus>())
            {
                data.Add(from, to, from == to || legal.Contains((from, to)));
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Transitions))]
    public void Only_the_legal_transitions_are_allowed(IncidentStatus from, IncidentStatus to, bool legal) =>
        Assert.Equal(legal, from.CanMove(to));

    [Fact]
    public void A_reported_incident_cannot_be_verified_without_review() =>
        Assert.False(IncidentStatus.Reported.CanMove(IncidentStatus.Verified));
}
