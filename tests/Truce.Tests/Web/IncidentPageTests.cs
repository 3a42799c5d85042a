using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Storage;
using Truce.Verification;

namespace Truce.Tests.Web;

public sealed partial class IncidentPageTests
{
    [Fact]
    public async Task The_assess_form_starts_from_the_incidents_current_values_so_changing_only_the_status_keeps_the_grade()
    {
        await using var app = await TruceApp.StartAsync(Engine.Sqlite, demo: true);
        var analyst = await app.SignInAsync("analyst1", Role.Analyst);
        Incident before;
        await using (var db = app.Store.Open())
        {
            // A graded, attributed incident whose grade is not the form's first choice (A1).
            before = await db.Incidents.AsNoTracking()
                .Where(i => i.Status == IncidentStatus.Verified && i.AttributedPartyId != null && i.ClauseBreached != null && i.SourceReliability == 'C')
                .FirstAsync(TestContext.Current.CancellationToken);
        }

        var html = await analyst.GetStringAsync(new Uri($"/incidents/{before.Id}", UriKind.Relative), TestContext.Current.CancellationToken);
        var form = AssessForm().Match(html).Value;
        Assert.False(string.IsNullOrEmpty(form), "the page has an assess form");
        // What a browser submits: every field as the page set it, with only the status changed.
        var fields = Fields(form);
        Assert.Equal("C", fields["sourceReliability"]);
        Assert.Equal(before.InformationCredibility?.ToString(System.Globalization.CultureInfo.InvariantCulture), fields["informationCredibility"]);
        Assert.Equal(before.AttributedPartyId, fields["attributedParty"]);
        Assert.Equal(before.ClauseBreached, fields["clauseBreached"]);
        Assert.Equal(Slug.Of(before.Visibility), fields["visibility"]);
        fields["status"] = "disputed";
        fields["rationale"] = "A party contests the finding.";

        var response = await analyst.PostAsync(new Uri($"/incidents/{before.Id}/assessments", UriKind.Relative), new FormUrlEncodedContent(fields), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using (var db = app.Store.Open())
        {
            var after = await db.Incidents.AsNoTracking().SingleAsync(i => i.Id == before.Id, TestContext.Current.CancellationToken);
            Assert.Equal(IncidentStatus.Disputed, after.Status);
            Assert.Equal((before.SourceReliability, before.InformationCredibility, before.AttributedPartyId, before.AttributionConfidence, before.ClauseBreached, before.Visibility),
                (after.SourceReliability, after.InformationCredibility, after.AttributedPartyId, after.AttributionConfidence, after.ClauseBreached, after.Visibility));
        }
    }

    /// <summary>The form's fields as a browser would send them: inputs by value, selects by their selected (else first) option.</summary>
    private static Dictionary<string, string> Fields(string form)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match input in Input().Matches(form))
        {
            fields[input.Groups["name"].Value] = WebUtility.HtmlDecode(Value().Match(input.Value) is { Success: true } v ? v.Groups[1].Value : "");
        }
        foreach (Match select in Select().Matches(form))
        {
            var options = Option().Matches(select.Groups["body"].Value);
            var chosen = options.FirstOrDefault(o => o.Groups["attributes"].Value.Contains("selected", StringComparison.Ordinal)) ?? options.First();
            fields[select.Groups["name"].Value] = WebUtility.HtmlDecode(chosen.Groups["value"].Value);
        }
        return fields;
    }

    [GeneratedRegex("<form[^>]*action=\"/incidents/[^\"]+/assessments\".*?</form>", RegexOptions.Singleline)]
    private static partial Regex AssessForm();

    [GeneratedRegex("<input[^>]*name=\"(?<name>[^\"]+)\"[^>]*>")]
    private static partial Regex Input();

    [GeneratedRegex("value=\"([^\"]*)\"")]
    private static partial Regex Value();

    [GeneratedRegex("<select[^>]*name=\"(?<name>[^\"]+)\"[^>]*>(?<body>.*?)</select>", RegexOptions.Singleline)]
    private static partial Regex Select();

    [GeneratedRegex("<option(?<attributes>[^>]*?value=\"(?<value>[^\"]*)\"[^>]*)>")]
    private static partial Regex Option();
}
