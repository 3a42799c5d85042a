using System.Globalization;
using System.Reflection;
using Truce.Gazetteer;
using Truce.Storage;

namespace Truce.Demo;

/// <summary>
/// The demo's gazetteer: the GeoNames populated places shipped with Truce (CC BY 4.0, geonames.org), then the
/// names the demo's localities go by in each language, so that "Stepanakert", "Khankendi" and "Ханкенди" find the
/// same place at once.
/// </summary>
public static class DemoPlaces
{
    /// <summary>Per locality of the demo's sites (by its name in the shipped file): language, name and kind.</summary>
    private static readonly Dictionary<string, (string Language, string Name, NameKind Kind)[]> Names = new(StringComparer.Ordinal)
    {
        ["Khankendi"] =
        [
            ("az", "Xankəndi", NameKind.Official), ("en", "Khankendi", NameKind.Official), ("en", "Stepanakert", NameKind.Alternate),
            ("hy", "Ստեփանակերտ", NameKind.Official), ("ru", "Ханкенди", NameKind.Official), ("ru", "Степанакерт", NameKind.Alternate),
        ],
        ["Shusha"] =
        [
            ("az", "Şuşa", NameKind.Official), ("en", "Shusha", NameKind.Official), ("en", "Shushi", NameKind.Alternate),
            ("hy", "Շուշի", NameKind.Official), ("ru", "Шуша", NameKind.Official),
        ],
        ["Laçın"] =
        [
            ("az", "Laçın", NameKind.Official), ("en", "Lachin", NameKind.Official), ("en", "Berdzor", NameKind.Alternate),
            ("hy", "Բերձոր", NameKind.Official), ("ru", "Лачин", NameKind.Official),
        ],
        ["Aghdam"] =
        [
            ("az", "Ağdam", NameKind.Official), ("en", "Aghdam", NameKind.Official), ("en", "Akna", NameKind.Alternate),
            ("hy", "Ակնա", NameKind.Official), ("ru", "Агдам", NameKind.Official),
        ],
        ["Khojaly"] =
        [
            ("az", "Xocalı", NameKind.Official), ("en", "Khojaly", NameKind.Official), ("en", "Ivanyan", NameKind.Alternate),
            ("hy", "Իվանյան", NameKind.Official), ("hy", "Խոջալու", NameKind.Historic), ("ru", "Ходжалы", NameKind.Official),
        ],
        ["Qubadlı"] =
        [
            ("az", "Qubadlı", NameKind.Official), ("en", "Gubadly", NameKind.Official), ("hy", "Կուբաթլու", NameKind.Official),
            ("ru", "Кубатлы", NameKind.Official),
        ],
        ["Gazakh"] =
        [
            ("az", "Qazax", NameKind.Official), ("en", "Gazakh", NameKind.Official), ("hy", "Ղազախ", NameKind.Official),
            ("ru", "Казах", NameKind.Official),
        ],
        ["Tovuz"] = [("az", "Tovuz", NameKind.Official), ("hy", "Թովուզ", NameKind.Official), ("ru", "Товуз", NameKind.Official)],
        ["Kornidzor"] = [("hy", "Կոռնիձոր", NameKind.Official), ("ru", "Корнидзор", NameKind.Official), ("az", "Kornidzor", NameKind.Official)],
        ["Berd"] = [("hy", "Բերդ", NameKind.Official), ("ru", "Берд", NameKind.Official), ("az", "Berd", NameKind.Official)],
        ["Ijevan"] = [("hy", "Իջևան", NameKind.Official), ("ru", "Иджеван", NameKind.Official), ("az", "İcevan", NameKind.Official)],
        ["Noyemberyan"] = [("hy", "Նոյեմբերյան", NameKind.Official), ("ru", "Ноемберян", NameKind.Official), ("az", "Noyemberyan", NameKind.Official)],
        ["Kapan"] =
        [
            ("hy", "Կապան", NameKind.Official), ("ru", "Капан", NameKind.Official), ("az", "Qafan", NameKind.Official), ("en", "Kapan", NameKind.Official),
        ],
    };

    /// <summary>Adds the shipped places and the demo's names to a store's gazetteer, in one journaled write.</summary>
    public static async Task LoadAsync(Store store, CancellationToken cancellationToken = default)
    {
        await using var db = store.Open();
        var records = new List<object>();
        var names = new List<object>();
        foreach (var place in Shipped())
        {
            records.Add(place);
            names.Add(Places.Name(Id(place.Id, "", place.Name), place.Id, place.Name, "", NameKind.Official));
            foreach (var (language, name, kind) in Names.GetValueOrDefault(place.Name) ?? [])
            {
                names.Add(Places.Name(Id(place.Id, language, name), place.Id, name, language, kind));
            }
        }
        records.AddRange(names);
        await db.BulkInsertAsync(records, cancellationToken);
    }

    private static Guid Id(string placeId, string language, string name) => GazetteerIds.Of($"demo-name\n{placeId}\n{language}\n{name}");

    /// <summary>
    /// The rows of data/places/geonames_cities_armenia_azerbaijan.csv (name, lat, lng, country_iso2, admin1 code and
    /// name, admin2 code and name; no field holds a comma). Ids are country and name (<c>az-khankendi</c>), with the
    /// admin1 code after a name the country repeats.
    /// </summary>
    private static IEnumerable<Place> Shipped()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Truce.Demo.geonames_cities_armenia_azerbaijan.csv")
            ?? throw new InvalidOperationException("The resource geonames_cities_armenia_azerbaijan.csv is missing from the build.");
        using var reader = new StreamReader(stream);
        reader.ReadLine();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            var cells = line.Split(',');
            var country = cells[3];
            var slug = $"{country.ToLowerInvariant()}-{Slugify(cells[0])}";
            var id = slug;
            if (!ids.Add(id))
            {
                id = $"{slug}-{cells[4]}";
                for (var n = 2; !ids.Add(id); n++)
                {
                    id = $"{slug}-{cells[4]}-{n}";
                }
            }
            var place = Places.At(id, cells[0], PlaceKind.PopulatedPlace,
                double.Parse(cells[1], CultureInfo.InvariantCulture), double.Parse(cells[2], CultureInfo.InvariantCulture), country);
            place.Admin1 = cells[5].Length > 0 ? cells[5] : null;
            place.Admin2 = cells[7].Length > 0 ? cells[7] : null;
            yield return place;
        }
    }

    /// <summary>ASCII letters and digits of a name; the Azerbaijani letters without a decomposition spelled as GeoNames' ASCII names do.</summary>
    private static string Slugify(string name) =>
        new string(name.Replace('ı', 'i').Replace('ə', 'e').Replace('Ə', 'E').Normalize(System.Text.NormalizationForm.FormD)
            .Where(char.IsAsciiLetterOrDigit).ToArray()).ToLowerInvariant();
}
