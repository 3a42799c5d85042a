using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Truce.Access;
using Truce.Activities;
using Truce.Storage;

namespace Truce.Web;

/// <summary>Pre-notified activities: the API and the page (list and notification form) call the same Core functions.</summary>
internal static class ActivityEndpoints
{
    public static void MapActivities(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/activities").WithTags("Activities");
        api.MapGet("/", List).Allow(AccessRule.For(Operation.ReadHotline))
            .WithSummary("The notified activities (the mission and the parties' liaisons), latest start first.");
        api.MapPost("/", (JsonInput<ActivityInput> input, Viewer viewer, TruceDb db, TruceSettings settings, CancellationToken cancellationToken) =>
            input.ThenAsync(body => Notifications.NotifyAsync(db, viewer, settings.LeadTimes, body, cancellationToken))
                .ToCreatedAsync(a => $"/api/activities/{a.Id}", ActivityJson.From))
            .Allow(AccessRule.For(Operation.WriteHotline))
            .WithSummary("Notify a planned activity: kind, area (a GeoJSON Polygon in area, or latitude, longitude and radiusM), startsAt and endsAt. Liaisons; idempotent by the client's id.");
        api.MapGet("/flags", Flags).Allow(AccessRule.Anyone).Produces<GeoJson.FeatureCollection>(contentType: GeoJson.MediaType)
            .WithSummary("The observations the viewer may see that began in from..to (default: the last 30 days) and that notified activities flag: " +
                "GeoJSON points at the positions the viewer is shown, each with its flag (pre_notified or not_notified), latest first, at most 2000.");

        var pages = app.MapGroup("").ExcludeFromDescription();
        pages.MapGet("/activities", (Chrome chrome, TruceDb db, CancellationToken cancellationToken) => Page(chrome, db, null, cancellationToken))
            .Allow(AccessRule.For(Operation.ReadHotline));
        pages.MapPost("/activities", Notify).Allow(AccessRule.For(Operation.WriteHotline));
    }

    private static async Task<Ok<List<ActivityJson>>> List(Viewer viewer, TruceDb db, CancellationToken cancellationToken) =>
        TypedResults.Ok((await Notifications.ListAsync(db, viewer, cancellationToken)).Select(ActivityJson.From).ToList());

    private static async Task<IResult> Flags(HttpRequest request, Viewer viewer, TruceDb db, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var (from, to) = Submission.ParsePeriod(request.Query["from"], request.Query["to"], errors);
        if (errors.Any)
        {
            return (errors.ToFailure($"The period is invalid.") with { Kind = FailureKind.Malformed }).ToProblem();
        }
        var flagged = await Notifications.FlaggedAsync(db, viewer, from, to, cancellationToken);
        if (flagged.Failure is { } refused)
        {
            return refused.ToProblem();
        }
        var features = flagged.Value!.Select(o => GeoJson.At(o.Id.ToString(), o.Latitude, o.Longitude,
            new { Flag = Slug.Of(o.Flag), o.ObservedFrom, o.IncidentId })).ToList();
        return GeoJson.Result(new GeoJson.FeatureCollection(features, features.Count, 1, Notifications.FlaggedLimit));
    }

    private static async Task<IResult> Notify(IFormCollection form, Chrome chrome, TruceDb db, TruceSettings settings, CancellationToken cancellationToken)
    {
        var notified = await Notifications.NotifyAsync(db, chrome.Viewer, settings.LeadTimes, Read(form), cancellationToken);
        if (notified.Failure is { } failure)
        {
            db.ChangeTracker.Clear();
            return await Page(chrome, db, failure, cancellationToken);
        }
        return TypedResults.Redirect("/activities");
    }

    /// <summary>The form as the API's body: a polygon pasted as GeoJSON, or a point and radius; a number that is not one stays absent, and the rule names it.</summary>
    private static ActivityInput Read(IFormCollection form)
    {
        JsonElement? area = null;
        if (!string.IsNullOrWhiteSpace(form["area"]))
        {
            try
            {
                area = JsonDocument.Parse(form["area"].ToString()).RootElement;
            }
            catch (JsonException)
            {
                // Not JSON at all: passed on as a string, which the rule refuses by name.
                area = JsonDocument.Parse(JsonSerializer.Serialize(form["area"].ToString())).RootElement;
            }
        }
        return new ActivityInput
        {
            Id = Guid.TryParse(form["id"], out var id) ? id : null,
            Kind = form["kind"], Description = form["description"], Area = area,
            Latitude = Number(form["latitude"]), Longitude = Number(form["longitude"]),
            RadiusM = int.TryParse(form["radiusM"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var r) ? r : null,
            StartsAt = Instant(form["startsAt"]), EndsAt = Instant(form["endsAt"]),
        };
    }

    private static double? Number(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>A datetime-local field (no offset) is read as UTC, as the page says; anything else is passed on for the rule to judge.</summary>
    private static string? Instant(string? text) =>
        text is { Length: 16 } local && local[10] == 'T' ? local + ":00Z" : text;

    private static async Task<IResult> Page(Chrome chrome, TruceDb db, Failure? problem, CancellationToken cancellationToken) =>
        new ActivityListModel(chrome, await Notifications.ListAsync(db, chrome.Viewer, cancellationToken), problem, Guid.CreateVersion7()).Render();
}
