using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Truce.Access;
using Truce.Handovers;
using Truce.MineAction;
using Truce.Storage;

namespace Truce.Web;

/// <summary>The handover plan, commitments and hazardous areas as an API; the pages (<see cref="HandoverPages"/>) call the same Core functions.</summary>
internal static class HandoverApi
{
    public static void MapHandoverApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/handover").WithTags("Handover");
        api.MapGet("/timeline", async (Viewer viewer, TruceDb db, CancellationToken cancellationToken) =>
                TypedResults.Ok(TimelineJson.From(await HandoverTimeline.LoadAsync(db, viewer, cancellationToken))))
            .Allow(AccessRule.Anyone).WithSummary("Every plan, phase and handover; each handover's gates evaluated now from what the caller may see.");
        api.MapPost("/plans", (JsonInput<PlanInput> input, Viewer viewer, TruceDb db, CancellationToken cancellationToken) =>
                input.ThenAsync(body => HandoverPlanning.AddPlanAsync(db, viewer, body, cancellationToken)).ToCreatedAsync(_ => "/api/handover/timeline", PlanJson.From))
            .Allow(AccessRule.For(Operation.PlanHandover)).WithSummary("Start a handover plan (analysts). Idempotent by the client's id.");
        api.MapPost("/phases", (JsonInput<PhaseInput> input, Viewer viewer, TruceDb db, CancellationToken cancellationToken) =>
                input.ThenAsync(body => HandoverPlanning.AddPhaseAsync(db, viewer, body, cancellationToken)).ToCreatedAsync(_ => "/api/handover/timeline", PhaseJson.From))
            .Allow(AccessRule.For(Operation.PlanHandover)).WithSummary("Add a phase with its window to a plan (analysts).");
        api.MapPost("/handovers", (JsonInput<HandoverInput> input, Viewer viewer, TruceDb db, CancellationToken cancellationToken) =>
                input.ThenAsync(body => HandoverPlanning.AddAsync(db, viewer, body, cancellationToken)).ToCreatedAsync(h => $"/api/handover/handovers/{h.Id}", HandoverCreatedJson.From))
            .Allow(AccessRule.For(Operation.PlanHandover))
            .WithSummary("Schedule a handover of a zone and/or sites to a local authority or the observers, with its gates: quietRadiusKm and quietDays, commitments, checklist, route (a GeoJSON LineString).");
        api.MapGet("/handovers/{id:guid}", Get).Allow(AccessRule.Anyone).WithSummary("A handover with its gates as they stand now.");
        api.MapPost("/handovers/{id:guid}/transitions", (Guid id, JsonInput<TransitionInput> input, Viewer viewer, TruceDb db, CancellationToken cancellationToken) =>
                input.ThenAsync(body => HandoverPlanning.MoveAsync(db, viewer, id, body, cancellationToken)).ToOkAsync(TransitionJson.Of))
            .Allow(AccessRule.For(Operation.PlanHandover))
            .WithSummary("Move a handover: planned → ready → in_progress → completed, or postponed (with a reason). Completing while a gate fails needs override: true and a reason.");
        api.MapPost("/handovers/{id:guid}/checklist/{itemId:guid}", (Guid id, Guid itemId, JsonInput<ChecklistEvidenceInput> input, Viewer viewer, TruceDb db, CancellationToken cancellationToken) =>
                input.ThenAsync(body => HandoverPlanning.RecordEvidenceAsync(db, viewer, id, itemId, body, cancellationToken)).ToOkAsync(ChecklistItemJson.From))
            .Allow(AccessRule.For(Operation.TrackCommitments)).WithSummary("Mark a checklist item done with its evidence (a link or a note).");
        api.MapPost("/handovers/{id:guid}/signoffs", (Guid id, JsonInput<SignOffInput> input, Viewer viewer, TruceDb db, CancellationToken cancellationToken) =>
                input.ThenAsync(body => HandoverPlanning.SignOffAsync(db, viewer, id, body, cancellationToken)).ToOkAsync(SignOffJson.From))
            .Allow(AccessRule.For(Operation.SignOffHandover))
            .WithSummary("Sign the certificate for one's party (liaison officers of a party the handover names), quoting the certificate's content hash as read.");
        api.MapGet("/handovers/{id:guid}/certificate.txt", Certificate).Allow(AccessRule.Anyone)
            .WithSummary("The certificate as text, signed with the mission's journal key; check it offline with `truce handover check FILE --key KEY`.");
        api.MapGet("/handovers/{id:guid}/certificate.pdf", Pdf).Allow(AccessRule.Anyone).WithSummary("The same signed certificate as a PDF.");
        api.MapGet("/calendar.ics", Calendar).Allow(AccessRule.Anyone).WithSummary("The schedule as iCalendar (RFC 5545): phases and handovers.");
        api.MapGet("/map.geojson", Map).Allow(AccessRule.Anyone).WithSummary("Zones and sites named by handovers, with each handover's state and whether its gates hold, as GeoJSON.");
        api.MapGet("/risk", Risk).Allow(AccessRule.Anyone).WithSummary("Each site's risk score from recent verified incidents around it (docs/handover.md), with the incidents that make it.");

        var commitments = app.MapGroup("/api/commitments").WithTags("Handover");
        commitments.MapGet("/", async (TruceDb db, CancellationToken cancellationToken) =>
            {
                var now = Instant.Now(db.Clock);
                return TypedResults.Ok((await Commitments.ListAsync(db, cancellationToken)).Select(c => CommitmentJson.From(c, now)).ToList());
            })
            .Allow(AccessRule.Anyone).WithSummary("Every commitment, overdue ones first.");
        commitments.MapPost("/", (JsonInput<CommitmentInput> input, Viewer viewer, TruceDb db, CancellationToken cancellationToken) =>
                input.ThenAsync(body => Commitments.AddAsync(db, viewer, body, cancellationToken))
                    .ToCreatedAsync(_ => "/api/commitments", c => CommitmentJson.From(c, Instant.Now(db.Clock))))
            .Allow(AccessRule.For(Operation.TrackCommitments)).WithSummary("Record a commitment of one or both parties (monitors, analysts). Idempotent by the client's id.");
        commitments.MapPost("/{id:guid}/status", (Guid id, JsonInput<CommitmentStatusInput> input, Viewer viewer, TruceDb db, CancellationToken cancellationToken) =>
                input.ThenAsync(body => Commitments.SetStatusAsync(db, viewer, id, body, cancellationToken)).ToOkAsync(c => CommitmentJson.From(c, Instant.Now(db.Clock))))
            .Allow(AccessRule.For(Operation.TrackCommitments)).WithSummary("Set a commitment's status (pending, met, partly_met, missed, disputed) with a reason; the history is kept.");

        var hazards = app.MapGroup("/api/hazardous-areas").WithTags("Handover");
        hazards.MapGet("/", async (TruceDb db, CancellationToken cancellationToken) =>
                TypedResults.Ok((await HazardousAreas.ListAsync(db, cancellationToken)).Select(HazardousAreaJson.From).ToList()))
            .Allow(AccessRule.Anyone).WithSummary("Every hazardous area with its status in land release.");
        hazards.MapPost("/", (JsonInput<HazardousAreaInput> input, Viewer viewer, TruceDb db, CancellationToken cancellationToken) =>
                input.ThenAsync(body => HazardousAreas.AddAsync(db, viewer, body, cancellationToken)).ToCreatedAsync(_ => "/api/hazardous-areas", HazardousAreaJson.From))
            .Allow(AccessRule.For(Operation.TrackCommitments)).WithSummary("Record a hazardous area: a GeoJSON Polygon, each ring closed and not crossing itself.");
        hazards.MapPost("/{id:guid}/status", (Guid id, JsonInput<HazardStatusInput> input, Viewer viewer, TruceDb db, CancellationToken cancellationToken) =>
                input.ThenAsync(body => HazardousAreas.SetStatusAsync(db, viewer, id, body, cancellationToken)).ToOkAsync(HazardousAreaJson.From))
            .Allow(AccessRule.For(Operation.TrackCommitments)).WithSummary("Record a land-release step: the new status and why.");
    }

    private static async Task<Results<Ok<HandoverJson>, ProblemHttpResult>> Get(Guid id, Viewer viewer, TruceDb db, CancellationToken cancellationToken) =>
        await HandoverTimeline.FindAsync(db, viewer, id, cancellationToken) is { } found ? TypedResults.Ok(HandoverJson.Of(found)) : Problems.NotFound("The handover");

    /// <summary>The certificate (one public document), signed with the mission's key; null when there is no such handover.</summary>
    public static async Task<(HandoverCertificate Certificate, string SignedText)?> SignedAsync(
        Guid id, TruceDb db, TruceSettings settings, CancellationToken cancellationToken)
    {
        var certificate = await HandoverCertificate.BuildAsync(db, id, cancellationToken);
        return certificate is null ? null : (certificate, certificate.SignedWith(await CertificateKey.LoadOrCreateAsync(settings.JournalKeyPath, cancellationToken)));
    }

    private static async Task<IResult> Certificate(Guid id, TruceDb db, TruceSettings settings, CancellationToken cancellationToken) =>
        await SignedAsync(id, db, settings, cancellationToken) is { } signed
            ? TypedResults.File(Encoding.UTF8.GetBytes(signed.SignedText), "text/plain; charset=utf-8", $"handover-{id}.txt")
            : Problems.NotFound("The handover");

    private static async Task<IResult> Pdf(Guid id, TruceDb db, TruceSettings settings, IStringLocalizer<PageText> text, CancellationToken cancellationToken) =>
        await SignedAsync(id, db, settings, cancellationToken) is { } signed
            ? TypedResults.File(CertificatePdf.Write(text["Handover.CertificateTitle"], signed.Certificate, signed.SignedText), "application/pdf", $"handover-{id}.pdf")
            : Problems.NotFound("The handover");

    private static async Task<IResult> Calendar(HttpRequest request, Viewer viewer, TruceDb db, CancellationToken cancellationToken)
    {
        var timeline = await HandoverTimeline.LoadAsync(db, viewer, cancellationToken);
        var text = HandoverCalendar.Write(timeline, Instant.Now(db.Clock), request.Host.Host);
        return TypedResults.File(Encoding.UTF8.GetBytes(text), "text/calendar; charset=utf-8", "truce-handover.ics");
    }

    private static async Task<IResult> Map(Viewer viewer, TruceDb db, CancellationToken cancellationToken)
    {
        var timeline = await HandoverTimeline.LoadAsync(db, viewer, cancellationToken);
        return Results.Text(HandoverMap.Write(timeline), GeoJson.MediaType);
    }

    private static async Task<IResult> Risk(Viewer viewer, TruceDb db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await RisksAsync(db, viewer, cancellationToken));

    /// <summary>Every site's risk, highest first.</summary>
    public static async Task<List<SiteRiskJson>> RisksAsync(TruceDb db, Viewer viewer, CancellationToken cancellationToken)
    {
        var risks = new List<SiteRiskJson>();
        foreach (var site in await db.Sites.AsNoTracking().OrderBy(s => s.Id).ToListAsync(cancellationToken))
        {
            var parts = await HandoverGates.RiskAsync(db, viewer, site, cancellationToken);
            risks.Add(new SiteRiskJson(site.Id, site.Name, Math.Round(parts.Sum(p => p.Points), 2),
                [.. parts.Select(p => new RiskPartJson(p.Incident.Id, p.Incident.Title, Slug.Of(p.Category), p.Incident.EndsAt, Math.Round(p.DistanceM), Math.Round(p.Points, 2)))]));
        }
        return [.. risks.OrderByDescending(r => r.Score).ThenBy(r => r.Site, StringComparer.Ordinal)];
    }
}
