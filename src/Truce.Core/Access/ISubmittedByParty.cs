namespace Truce.Access;

/// <summary>A record a party's liaison may submit: that party's liaisons see it whatever its visibility.</summary>
public interface ISubmittedByParty : IHasVisibility
{
    /// <summary>The submitter's party when a liaison submitted it; null for mission staff.</summary>
    string? SubmittedByPartyId { get; }
}
