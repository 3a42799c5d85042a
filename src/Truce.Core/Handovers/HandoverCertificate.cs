using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NSec.Cryptography;
using Truce.Access;
using Truce.Mission;
using Truce.Storage;

namespace Truce.Handovers;

/// <summary>
/// A handover's certificate: what is handed over, by whom, to whom, the gates and their evidence, the moves made, as
/// one canonical text (<see cref="Content"/>) whose SHA-256 (<see cref="Hash"/>) the representatives sign off in
/// Truce. The document (content and sign-offs) is signed with the mission's journal key, so anyone holding the
/// public key can check a copy offline (<see cref="Check"/>, `truce handover check`).
/// </summary>
public sealed record HandoverCertificate(
    Handover Handover, Phase Phase, string? ZoneName, IReadOnlyList<Site> Sites, IReadOnlyDictionary<string, string> PartyNames,
    IReadOnlyList<GateResult> Gates, IReadOnlyList<HandoverTransition> Transitions, IReadOnlyList<SignOff> SignOffs,
    IReadOnlyList<string> Signatories, string Content, string Hash)
{
    private const string SignedPrefix = "signed: ";

    private static readonly SignatureAlgorithm Ed25519 = SignatureAlgorithm.Ed25519;

    /// <summary>The parties still to sign.</summary>
    public IReadOnlyList<string> AwaitingSignOff => [.. Signatories.Where(p => SignOffs.All(s => s.PartyId != p))];

    /// <summary>
    /// The certificate, or null for no such handover. It is one public document, the same for every reader and for
    /// every representative who signs it: its gates are evaluated as the public sees the data (published incidents, at
    /// their public positions), so it discloses nothing unpublished; an override made on the mission's fuller view is
    /// recorded in its moves with the gates it overrode.
    /// </summary>
    public static async Task<HandoverCertificate?> BuildAsync(TruceDb db, Guid id, CancellationToken cancellationToken = default)
    {
        var handover = await db.Set<Handover>().AsNoTracking().FirstOrDefaultAsync(h => h.Id == id, cancellationToken);
        if (handover is null)
        {
            return null;
        }
        var phase = await db.Set<Phase>().AsNoTracking().FirstAsync(p => p.Id == handover.PhaseId, cancellationToken);
        var zone = handover.ZoneId is null ? null : await db.Zones.AsNoTracking().Where(z => z.Id == handover.ZoneId).Select(z => z.Name).FirstOrDefaultAsync(cancellationToken);
        var siteIds = handover.Sites.ToList();
        var sites = (await db.Sites.AsNoTracking().Where(s => siteIds.Contains(s.Id)).ToListAsync(cancellationToken)).OrderBy(s => s.Id, StringComparer.Ordinal).ToList();
        var parties = await db.Parties.AsNoTracking().ToListAsync(cancellationToken);
        var names = parties.ToDictionary(p => p.Id, p => p.Name, StringComparer.Ordinal);
        var gates = (await HandoverGates.EvaluateAsync(db, Viewer.Anonymous, [handover], cancellationToken))[0].Gates;
        var transitions = (await db.Set<HandoverTransition>().AsNoTracking().Where(t => t.HandoverId == id).ToListAsync(cancellationToken))
            .OrderBy(t => t.At).ThenBy(t => t.Id).ToList();
        var signOffs = (await db.Set<SignOff>().AsNoTracking().Where(s => s.HandoverId == id).ToListAsync(cancellationToken))
            .OrderBy(s => s.At).ThenBy(s => s.PartyId, StringComparer.Ordinal).ToList();
        var signatories = handover.Signatories(parties.FirstOrDefault(p => p.Kind == PartyKind.Observers)?.Id);
        var content = Write(handover, phase, zone, sites, names, gates, transitions);
        return new HandoverCertificate(handover, phase, zone, sites, names, gates, transitions, signOffs, signatories, content, Sha256(content));
    }

    /// <summary>The canonical text: fixed labels, English, instants in UTC ISO 8601, one fact a line, lines ending in \n.</summary>
    private static string Write(Handover h, Phase phase, string? zone, List<Site> sites, Dictionary<string, string> parties,
        IReadOnlyList<GateResult> gates, IReadOnlyList<HandoverTransition> transitions)
    {
        var text = new StringBuilder();
        void Line(FormattableString line) => text.Append(line.ToString(CultureInfo.InvariantCulture)).Append('\n');
        string Party(string id) => parties.TryGetValue(id, out var name) ? $"{id} ({name})" : id;
        Line($"Truce handover certificate");
        Line($"handover: {h.Id}");
        Line($"name: {h.Name}");
        Line($"phase: {phase.Number} {phase.Name}");
        Line($"zone: {(h.ZoneId is null ? "-" : $"{h.ZoneId} ({zone})")}");
        Line($"sites: {(sites.Count == 0 ? "-" : string.Join("; ", sites.Select(s => $"{s.Id} ({s.Name}, {s.Latitude:0.#####}, {s.Longitude:0.#####})")))}");
        Line($"from: {Party(h.FromPartyId)}");
        Line($"to: {Party(h.ToPartyId)}");
        Line($"scheduled: {h.ScheduledAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}");
        Line($"state: {Slug.Of(h.State)}");
        Line($"gate quiet: no verified violation within {h.QuietRadiusKm:0.##} km for {h.QuietDays} days");
        foreach (var gate in gates)
        {
            Line($"gate {Slug.Of(gate.Kind)}: {(gate.Passed ? "holds" : "fails")}");
            foreach (var e in gate.Evidence)
            {
                Line($"  {e.Kind} {e.Id}: {e.Text}{(e.Blocking ? " [blocking]" : "")}");
            }
        }
        foreach (var t in transitions)
        {
            Line($"moved {t.At.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}: {Slug.Of(t.From)} -> {Slug.Of(t.To)} by {t.By}{(t.Reason is null ? "" : $"; reason: {t.Reason}")}{(t.OverriddenGates.Length == 0 ? "" : $"; overriding {t.OverriddenGates}")}");
        }
        return text.ToString();
    }

    /// <summary>The document a copy holds: the content, then one line per sign-off with the content hash signed.</summary>
    public string Document()
    {
        var text = new StringBuilder(Content);
        text.Append(CultureInfo.InvariantCulture, $"content sha256: {Hash}\n");
        foreach (var s in SignOffs)
        {
            text.Append(CultureInfo.InvariantCulture, $"signed off {s.At.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}: {s.PartyId} by {s.Name} ({s.UserId}) on {s.CertificateHash}\n");
        }
        return text.ToString();
    }

    /// <summary>The document followed by a line with its SHA-256 signed by the mission's Ed25519 key.</summary>
    public string SignedWith(byte[] privateKey)
    {
        var document = Document();
        var digest = Sha256(document);
        using var key = Key.Import(Ed25519, privateKey, KeyBlobFormat.RawPrivateKey);
        var trailer = new CertificateSignature(digest, Convert.ToBase64String(key.PublicKey.Export(KeyBlobFormat.RawPublicKey)),
            Convert.ToBase64String(Ed25519.Sign(key, Message(digest))));
        return document + SignedPrefix + JsonSerializer.Serialize(trailer, JsonSerializerOptions.Web) + "\n";
    }

    /// <summary>Checks a signed copy against the mission's public key; null when it holds, otherwise what does not.</summary>
    public static string? Check(string file, byte[] publicKey)
    {
        var at = file.LastIndexOf("\n" + SignedPrefix, StringComparison.Ordinal);
        if (at < 0)
        {
            return "the file has no signature line: it is not a signed certificate, or was cut short";
        }
        var document = file[..(at + 1)];
        CertificateSignature? trailer;
        try
        {
            trailer = JsonSerializer.Deserialize<CertificateSignature>(file[(at + 1 + SignedPrefix.Length)..].TrimEnd('\n'), JsonSerializerOptions.Web);
        }
        catch (JsonException e)
        {
            return $"the signature line is not JSON ({e.Message})";
        }
        if (trailer is null)
        {
            return "the signature line is empty";
        }
        if (!string.Equals(Sha256(document), trailer.Sha256, StringComparison.Ordinal))
        {
            return "the certificate's text does not match its signed hash: it was altered";
        }
        byte[] signature;
        try
        {
            signature = Convert.FromBase64String(trailer.Signature);
        }
        catch (FormatException)
        {
            return "the signature is not base64";
        }
        if (!PublicKey.TryImport(Ed25519, publicKey, KeyBlobFormat.RawPublicKey, out var key) || key is null)
        {
            return "the public key is not a raw Ed25519 key";
        }
        return Ed25519.Verify(key, Message(trailer.Sha256), signature)
            ? null
            : "the signature does not verify with this key: the certificate was not signed by it, or was altered";
    }

    /// <summary>The exact bytes signed: a fixed prefix, so that no other message of ours (a journal head) can stand for it.</summary>
    private static byte[] Message(string digest) => Encoding.UTF8.GetBytes($"truce-handover-certificate\n{digest}");

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private sealed record CertificateSignature(string Sha256, string PublicKey, string Signature);
}
