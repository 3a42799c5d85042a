using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Mission;
using Truce.Storage;

namespace Truce.Handovers;

/// <summary>Drawing up the handover plan and moving handovers through their states; every change journaled with its history.</summary>
public static class HandoverPlanning
{
    public const double DefaultQuietRadiusKm = 5;

    public const int DefaultQuietDays = 14;

    public static async Task<Result<Submitted<HandoverPlan>>> AddPlanAsync(TruceDb db, Viewer viewer, PlanInput input, CancellationToken cancellationToken = default)
    {
        if (!viewer.Can(Operation.PlanHandover))
        {
            return Failure.Forbidden($"Only an analyst or administrator draws up the handover plan.");
        }
        var errors = new FieldErrors();
        RequireId(input.Id, errors);
        var name = Required(input.Name, "name", 200, errors);
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        var hash = Submission.Hash(input);
        if (await db.Set<HandoverPlan>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == input.Id, cancellationToken) is { } existing)
        {
            return existing.SubmissionHash == hash ? new Submitted<HandoverPlan>(existing, true) : Submission.IdReused("plan");
        }
        var plan = new HandoverPlan { Id = input.Id!.Value, Name = name!, CreatedAt = Instant.Now(db.Clock), SubmissionHash = hash };
        db.Add(plan);
        await db.SaveChangesAsync(cancellationToken);
        return new Submitted<HandoverPlan>(plan, false);
    }

    public static async Task<Result<Submitted<Phase>>> AddPhaseAsync(TruceDb db, Viewer viewer, PhaseInput input, CancellationToken cancellationToken = default)
    {
        if (!viewer.Can(Operation.PlanHandover))
        {
            return Failure.Forbidden($"Only an analyst or administrator draws up the handover plan.");
        }
        var errors = new FieldErrors();
        RequireId(input.Id, errors);
        var name = Required(input.Name, "name", 200, errors);
        if (input.PlanId is not { } planId || !await db.Set<HandoverPlan>().AnyAsync(p => p.Id == planId, cancellationToken))
        {
            errors.Add("planId", $"names no plan.");
        }
        if (input.Number is not (>= 1 and <= 99))
        {
            errors.Add("number", $"must be between 1 and 99.");
        }
        var (starts, ends) = Window(input.StartsAt, input.EndsAt, errors);
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        var hash = Submission.Hash(input);
        if (await db.Set<Phase>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == input.Id, cancellationToken) is { } existing)
        {
            return existing.SubmissionHash == hash ? new Submitted<Phase>(existing, true) : Submission.IdReused("phase");
        }
        var phase = new Phase { Id = input.Id!.Value, PlanId = input.PlanId!.Value, Number = input.Number!.Value, Name = name!, StartsAt = starts, EndsAt = ends, SubmissionHash = hash };
        db.Add(phase);
        await db.SaveChangesAsync(cancellationToken);
        return new Submitted<Phase>(phase, false);
    }

    public static async Task<Result<Submitted<Handover>>> AddAsync(TruceDb db, Viewer viewer, HandoverInput input, CancellationToken cancellationToken = default)
    {
        if (!viewer.Can(Operation.PlanHandover))
        {
            return Failure.Forbidden($"Only an analyst or administrator draws up the handover plan.");
        }
        var errors = new FieldErrors();
        RequireId(input.Id, errors);
        var name = Required(input.Name, "name", 200, errors);
        var phase = input.PhaseId is { } phaseId ? await db.Set<Phase>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == phaseId, cancellationToken) : null;
        if (phase is null)
        {
            errors.Add("phaseId", $"names no phase.");
        }
        var parties = await db.Parties.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Kind, StringComparer.Ordinal, cancellationToken);
        var from = input.From ?? parties.FirstOrDefault(p => p.Value == PartyKind.PeacekeepingForce).Key;
        if (from is null || !parties.TryGetValue(from, out var fromKind) || fromKind != PartyKind.PeacekeepingForce)
        {
            errors.Add("from", $"must be the peacekeeping force.");
        }
        if (input.To is null || !parties.TryGetValue(input.To, out var toKind) || toKind is not (PartyKind.LocalAuthority or PartyKind.Observers))
        {
            errors.Add("to", $"must be a local authority or the international observers of this mission.");
        }
        if (input.Zone is { } zone && !await db.Zones.AnyAsync(z => z.Id == zone, cancellationToken))
        {
            errors.Add("zone", $"there is no zone '{Submission.Clip(zone)}'.");
        }
        var sites = input.Sites ?? [];
        var known = await db.Sites.AsNoTracking().Select(s => s.Id).ToListAsync(cancellationToken);
        for (var i = 0; i < sites.Count; i++)
        {
            if (!known.Contains(sites[i]))
            {
                errors.Add($"sites[{i}]", $"there is no site '{Submission.Clip(sites[i] ?? "")}'.");
            }
        }
        if (input.Zone is null && sites.Count == 0)
        {
            errors.Add("zone", $"a handover hands over a zone, sites, or both: name at least one.");
        }
        var scheduled = Submission.ParseInstant(input.ScheduledAt, "scheduledAt", errors);
        if (scheduled is null && string.IsNullOrWhiteSpace(input.ScheduledAt))
        {
            errors.Add("scheduledAt", $"is required: an ISO 8601 instant with its offset.");
        }
        if (phase is not null && scheduled is { } at && (at < phase.StartsAt || at > phase.EndsAt))
        {
            errors.Add("scheduledAt", $"must fall in the phase's window ({phase.StartsAt:yyyy-MM-dd} to {phase.EndsAt:yyyy-MM-dd}).");
        }
        var route = input.Route is { ValueKind: not System.Text.Json.JsonValueKind.Null } r ? ShapeRules.Line(r.GetRawText(), "route", errors) : null;
        var radius = input.QuietRadiusKm ?? DefaultQuietRadiusKm;
        if (!double.IsFinite(radius) || radius is < 0.1 or > 100)
        {
            errors.Add("quietRadiusKm", $"must be between 0.1 and 100 kilometres.");
        }
        var days = Submission.Range(input.QuietDays, "quietDays", 1, 365, DefaultQuietDays, errors);
        var commitments = input.Commitments ?? [];
        var existingCommitments = commitments.Count == 0 ? [] : await db.Set<Commitment>().AsNoTracking().Where(c => commitments.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken);
        for (var i = 0; i < commitments.Count; i++)
        {
            if (!existingCommitments.Contains(commitments[i]))
            {
                errors.Add($"commitments[{i}]", $"there is no commitment {commitments[i]}.");
            }
        }
        var checklist = new List<string>();
        for (var i = 0; i < (input.Checklist?.Count ?? 0); i++)
        {
            if (Required(input.Checklist![i], $"checklist[{i}]", 300, errors) is { } text)
            {
                checklist.Add(text);
            }
        }
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        var hash = Submission.Hash(input);
        if (await db.Set<Handover>().AsNoTracking().FirstOrDefaultAsync(h => h.Id == input.Id, cancellationToken) is { } existing)
        {
            return existing.SubmissionHash == hash ? new Submitted<Handover>(existing, true) : Submission.IdReused("handover");
        }
        var now = Instant.Now(db.Clock);
        var handover = new Handover
        {
            Id = input.Id!.Value, PhaseId = phase!.Id, Name = name!, ZoneId = input.Zone, SiteIds = Handover.Join(sites), FromPartyId = from!, ToPartyId = input.To!,
            ScheduledAt = Instant.Normalize(scheduled!.Value), State = HandoverState.Planned, RouteJson = route?.Json, QuietRadiusKm = radius, QuietDays = days,
            CommitmentIds = Handover.Join(commitments.Select(c => c.ToString())), CreatedAt = now, UpdatedAt = now, SubmissionHash = hash,
        };
        db.Add(handover);
        db.AddRange(checklist.Select(text => new ChecklistItem { Id = Guid.CreateVersion7(), HandoverId = handover.Id, Text = text }));
        await db.SaveChangesAsync(cancellationToken);
        return new Submitted<Handover>(handover, false);
    }

    /// <summary>
    /// Moves a handover, if the state machine allows it. Completing while a gate fails is refused unless the move
    /// overrides with a reason; the transition records the gates it overrode, journaled in the same write.
    /// </summary>
    public static async Task<Result<HandoverTransition>> MoveAsync(TruceDb db, Viewer viewer, Guid id, TransitionInput input, CancellationToken cancellationToken = default)
    {
        if (!viewer.Can(Operation.PlanHandover))
        {
            return Failure.Forbidden($"Only an analyst or administrator moves a handover.");
        }
        var handover = await db.Set<Handover>().FirstOrDefaultAsync(h => h.Id == id, cancellationToken);
        if (handover is null)
        {
            return Failure.NotFound("The handover");
        }
        var errors = new FieldErrors();
        var to = Submission.Choice<HandoverState>(input.To, "to", errors);
        if (to is null && string.IsNullOrWhiteSpace(input.To))
        {
            errors.Add("to", $"is required: one of {Slug.Expected<HandoverState>()}.");
        }
        var reason = Submission.Text(input.Reason, "reason", 2000, errors);
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        if (!handover.State.CanMove(to!.Value))
        {
            var next = handover.State.Next();
            return Failure.Field(FailureKind.Conflict, "to", next.Count == 0
                ? (FormattableString)$"a handover {Slug.Of(handover.State)} cannot move to {Slug.Of(to.Value)}: it moves no further."
                : $"a handover {Slug.Of(handover.State)} cannot move to {Slug.Of(to.Value)}: it may move to {string.Join(", ", next.Select(s => Slug.Of(s)))}.");
        }
        var overridden = "";
        if (to == HandoverState.Completed)
        {
            var gates = (await HandoverGates.EvaluateAsync(db, Viewer.System, [handover], cancellationToken))[0].Gates;
            var failing = gates.Where(g => !g.Passed).Select(g => Slug.Of(g.Kind)).ToList();
            if (failing.Count > 0 && input.Override != true)
            {
                return Failure.Field(FailureKind.Conflict, "override",
                    $"the gates {string.Join(", ", failing)} do not hold: completing anyway needs override and a reason.");
            }
            if (failing.Count > 0 && reason is null)
            {
                return Failure.Field(FailureKind.Invalid, "reason", $"an override needs a reason: say why the handover completes with {string.Join(", ", failing)} failing.");
            }
            overridden = string.Join(' ', failing);
        }
        if (to == HandoverState.Postponed && reason is null)
        {
            return Failure.Field(FailureKind.Invalid, "reason", $"a postponement needs a reason.");
        }
        var now = Instant.Now(db.Clock);
        var transition = new HandoverTransition
        {
            Id = Guid.CreateVersion7(), HandoverId = id, From = handover.State, To = to.Value, Reason = reason, OverriddenGates = overridden, By = viewer.Name, At = now,
        };
        db.Add(transition);
        handover.State = to.Value;
        handover.UpdatedAt = now;
        if (to == HandoverState.Completed)
        {
            // The sites change hands with the handover; the zone itself is the mission's reference data and stays as drawn.
            var siteIds = handover.Sites.ToList();
            foreach (var site in await db.Sites.Where(s => siteIds.Contains(s.Id)).ToListAsync(cancellationToken))
            {
                site.HeldByPartyId = handover.ToPartyId;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return transition;
    }

    /// <summary>Marks a checklist item done with its evidence (a link or a note).</summary>
    public static async Task<Result<ChecklistItem>> RecordEvidenceAsync(TruceDb db, Viewer viewer, Guid handoverId, Guid itemId, ChecklistEvidenceInput input, CancellationToken cancellationToken = default)
    {
        if (!viewer.Can(Operation.TrackCommitments))
        {
            return Failure.Forbidden($"Only the mission's monitors, analysts and administrators record checklist evidence.");
        }
        var item = await db.Set<ChecklistItem>().FirstOrDefaultAsync(i => i.Id == itemId && i.HandoverId == handoverId, cancellationToken);
        if (item is null)
        {
            return Failure.NotFound("The checklist item");
        }
        var errors = new FieldErrors();
        var evidence = Required(input.Evidence, "evidence", 2000, errors);
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        item.Evidence = evidence;
        item.DoneBy = viewer.Name;
        item.DoneAt = Instant.Now(db.Clock);
        await db.SaveChangesAsync(cancellationToken);
        return item;
    }

    /// <summary>
    /// A representative signs the certificate for their party. Refused for someone who represents no party of this
    /// handover, for a party that has signed already, and for a hash other than the certificate's as it stands.
    /// </summary>
    public static async Task<Result<SignOff>> SignOffAsync(TruceDb db, Viewer viewer, Guid id, SignOffInput input, CancellationToken cancellationToken = default)
    {
        if (!viewer.Can(Operation.SignOffHandover))
        {
            return Failure.Forbidden($"Only a party's representative signs a handover certificate.");
        }
        var handover = await db.Set<Handover>().AsNoTracking().FirstOrDefaultAsync(h => h.Id == id, cancellationToken);
        if (handover is null)
        {
            return Failure.NotFound("The handover");
        }
        var observers = await db.Parties.AsNoTracking().Where(p => p.Kind == PartyKind.Observers).Select(p => p.Id).FirstOrDefaultAsync(cancellationToken);
        var signatories = handover.Signatories(observers);
        if (!signatories.Contains(viewer.PartyId!))
        {
            return Failure.Field(FailureKind.Forbidden, "party",
                $"'{viewer.PartyId}' is not a party of this handover: it is signed by {string.Join(", ", signatories)}.");
        }
        if (await db.Set<SignOff>().AnyAsync(s => s.HandoverId == id && s.PartyId == viewer.PartyId, cancellationToken))
        {
            return Failure.Field(FailureKind.Conflict, "party", $"'{viewer.PartyId}' has signed this handover already.");
        }
        var certificate = await HandoverCertificate.BuildAsync(db, id, cancellationToken);
        if (!string.Equals(input.CertificateHash, certificate!.Hash, StringComparison.OrdinalIgnoreCase))
        {
            return Failure.Field(FailureKind.Conflict, "certificateHash", $"is not the certificate as it stands ({certificate.Hash}): read it again before signing.");
        }
        var signOff = new SignOff
        {
            Id = Guid.CreateVersion7(), HandoverId = id, PartyId = viewer.PartyId!, UserId = viewer.UserId!.Value, Name = viewer.Name,
            CertificateHash = certificate.Hash, At = Instant.Now(db.Clock),
        };
        db.Add(signOff);
        await db.SaveChangesAsync(cancellationToken);
        return signOff;
    }

    private static void RequireId(Guid? id, FieldErrors errors)
    {
        if (id is null || id == Guid.Empty)
        {
            errors.Add("id", $"is required: a UUID generated by the client, so that a retry is recognised.");
        }
    }

    private static string? Required(string? value, string field, int maxLength, FieldErrors errors)
    {
        var text = Submission.Text(value, field, maxLength, errors);
        if (text is null && string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, $"is required.");
        }
        return text;
    }

    private static (DateTimeOffset Starts, DateTimeOffset Ends) Window(string? startsAt, string? endsAt, FieldErrors errors)
    {
        var starts = Submission.ParseInstant(startsAt, "startsAt", errors);
        var ends = Submission.ParseInstant(endsAt, "endsAt", errors);
        if (starts is null && string.IsNullOrWhiteSpace(startsAt))
        {
            errors.Add("startsAt", $"is required: an ISO 8601 instant with its offset.");
        }
        if (ends is null && string.IsNullOrWhiteSpace(endsAt))
        {
            errors.Add("endsAt", $"is required: an ISO 8601 instant with its offset.");
        }
        if (starts is { } s && ends is { } e && e <= s)
        {
            errors.Add("endsAt", $"must be after startsAt.");
        }
        return (Instant.Normalize(starts ?? default), Instant.Normalize(ends ?? default));
    }
}
