using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Truce.Field;
using Truce.Monitoring;

namespace Truce.Web;

/// <summary>
/// Reads a filled <see cref="ObservationXForm"/> as ODK Collect or Enketo submits it into the same
/// <see cref="ObservationInput"/> the JSON API takes, so that one set of rules judges both.
/// </summary>
internal static class OpenRosaInstance
{
    /// <summary>Larger than any instance of the form (a narrative of 10 000 characters is about 40 kB in UTF-8).</summary>
    public const int MaxCharacters = 1_000_000;

    public static async Task<Result<ObservationInput>> ReadAsync(Stream xml, CancellationToken cancellationToken)
    {
        XDocument document;
        try
        {
            // No DTD, no external entity: an instance is data from the device, nothing of ours to resolve.
            var settings = new XmlReaderSettings
            {
                Async = true, DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = MaxCharacters,
            };
            using var reader = XmlReader.Create(xml, settings);
            document = await XDocument.LoadAsync(reader, LoadOptions.None, cancellationToken);
        }
        catch (XmlException e)
        {
            return Failure.Field(FailureKind.Malformed, OpenRosaSubmission.XmlField, $"is not well-formed XML (line {e.LineNumber}, position {e.LinePosition}): {e.Message}");
        }
        var root = document.Root!;
        var formId = (string?)root.Attribute("id");
        if (formId != ObservationXForm.FormId)
        {
            return Failure.Field(FailureKind.Invalid, OpenRosaSubmission.XmlField,
                $"is an instance of the form '{Submission.Clip(formId ?? "")}'; this server takes only '{ObservationXForm.FormId}' (see the form list).");
        }
        // Answers by question name, whatever namespace the client wrote them in; the first of a name counts.
        var answers = root.Descendants().Where(e => !e.HasElements)
            .GroupBy(e => e.Name.LocalName, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => string.IsNullOrWhiteSpace(g.First().Value) ? null : g.First().Value.Trim(), StringComparer.Ordinal);
        string? Answer(string name) => answers.GetValueOrDefault(name);

        var errors = new FieldErrors();
        var instanceId = Answer("instanceID");
        if (instanceId is null)
        {
            errors.Add("instanceID", $"is required: the instance's meta/instanceID, so that a resubmission is recognised.");
        }
        var (latitude, longitude, accuracy) = Geopoint(Answer(ObservationXForm.Location), errors);
        // The form's questions are the API's fields; the place is one geopoint, the id and source the instance's.
        var read = ObservationAnswers.Read(name => name is "id" or "source" or "sourceExternalId" or "visibility" or "latitude" or "longitude"
            or "locationPrecisionM" or "observerLatitude" or "observerLongitude" ? null : Answer(name), errors);
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        // With a bearing or a distance, the device's position is the observer's; without, it is the observed point.
        var fromObserver = read.BearingDeg is not null || read.DistanceM is not null;
        var input = read with
        {
            Id = IdOf(instanceId!),
            Latitude = fromObserver ? null : latitude,
            Longitude = fromObserver ? null : longitude,
            LocationPrecisionM = fromObserver || accuracy is null ? null : (int)Math.Ceiling(accuracy.Value),
            ObserverLatitude = fromObserver ? latitude : null,
            ObserverLongitude = fromObserver ? longitude : null,
            SourceExternalId = instanceId,
        };
        return errors.Any ? errors.ToFailure() : input;
    }

    /// <summary>
    /// The observation's id: the UUID of a "uuid:" instanceID (what Collect and Enketo generate), or, for any other
    /// text, a name-based UUID of it (RFC 9562, version 8, from its SHA-256), so a resubmission gets the same id.
    /// </summary>
    public static Guid IdOf(string instanceId)
    {
        var text = instanceId.Trim();
        if (text.StartsWith("uuid:", StringComparison.OrdinalIgnoreCase) && Guid.TryParse(text[5..], out var uuid))
        {
            return uuid;
        }
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes("truce:openrosa:" + text))[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>An ODK geopoint: "latitude longitude [altitude [accuracy]]", degrees, metres.</summary>
    private static (double? Latitude, double? Longitude, double? Accuracy) Geopoint(string? text, FieldErrors errors)
    {
        if (text is null)
        {
            return (null, null, null);
        }
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var numbers = parts.Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n) ? n : (double?)null).ToList();
        if (parts.Length is < 2 or > 4 || numbers.Any(n => n is null) || numbers.Count > 3 && numbers[3] < 0)
        {
            errors.Add(ObservationXForm.Location, $"'{Submission.Clip(text)}' is not a geopoint: latitude, longitude, altitude and accuracy separated by spaces.");
            return (null, null, null);
        }
        return (numbers[0], numbers[1], numbers.Count > 3 ? numbers[3] : null);
    }
}
