using Truce.Verification;

namespace Truce.Web;

/// <summary>The incident page's assessment form, turned into the same submission the API takes; an empty field is not given.</summary>
internal static class AssessmentForm
{
    public static AssessmentInput Read(IFormCollection form)
    {
        string? Field(string name) => string.IsNullOrWhiteSpace(form[name]) ? null : form[name].ToString();
        return new AssessmentInput
        {
            Id = Guid.TryParse(Field("id"), out var id) ? id : null,
            Status = Field("status"),
            SourceReliability = Field("sourceReliability"),
            InformationCredibility = int.TryParse(Field("informationCredibility"), out var credibility) ? credibility : null,
            AttributedParty = Field("attributedParty"),
            AttributionConfidence = Field("attributionConfidence"),
            ClauseBreached = Field("clauseBreached"),
            Rationale = Field("rationale"),
            Visibility = Field("visibility"),
        };
    }
}
