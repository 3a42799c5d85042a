using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Truce.Gazetteer;

namespace Truce.Core.Tests.Gazetteer;

public sealed class NameKeyTests
{
    [Theory]
    // Each expectation worked out by hand from the documented steps (fold, transliterate, strip marks, keep a-z0-9, collapse).
    [InlineData("Khankendi", "xankandi")]
    [InlineData("Xankəndi", "xankandi")]
    [InlineData("Ханкенди", "xankandi")]
    [InlineData("Stepanakert", "stapanakart")]
    [InlineData("Степанакерт", "stapanakart")]
    [InlineData("Ստեփանակերտ", "stapanakart")]
    [InlineData("Laçın", "lacin")]
    [InlineData("Lachin", "lacin")]
    [InlineData("Lacin", "lacin")]
    [InlineData("Лачин", "lacin")]
    [InlineData("LAÇIN", "lacin")]
    [InlineData("Բերձոր", "bardzor")]
    [InlineData("Şuşa", "susa")]
    [InlineData("Shusha", "susa")]
    [InlineData("Шуша", "susa")]
    [InlineData("Շուշի", "susi")]
    [InlineData("Ağdam", "agdam")]
    [InlineData("Aghdam", "agdam")]
    [InlineData("Агдам", "agdam")]
    [InlineData("Xocalı", "xocali")]
    [InlineData("Khojaly", "xocali")]
    [InlineData("Ходжалы", "xocali")]
    [InlineData("Qazax", "gazax")]
    [InlineData("Gazakh", "gazax")]
    [InlineData("Gyumri", "giumri")]
    [InlineData("Гюмри", "giumri")]
    [InlineData("Nor Gyugh", "norgiug")]
    [InlineData("Mets-Masrik", "matsmasrik")]
    [InlineData("Իջևան", "icavan")]
    [InlineData("Ijevan", "icavan")]
    [InlineData("Kilometre 12", "kilomatra12")]
    [InlineData("  ", "")]
    [InlineData("—!?", "")]
    public void Folds_case_diacritics_scripts_and_spellings(string name, string key) => Assert.Equal(key, NameKey.Of(name));

    [Theory]
    [InlineData("lac", "lad")]
    [InlineData("az", "b")]
    [InlineData("a9", "aa")]
    [InlineData("zz", null)]
    public void After_is_the_first_key_past_every_key_with_the_prefix(string prefix, string? after) => Assert.Equal(after, NameKey.After(prefix));

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property A_key_is_a_fixed_point_of_the_alphabet_a_to_z_and_digits() =>
        // Strings over a mix of the scripts the table covers, others it does not, marks, digits and punctuation.
        Prop.ForAll(Gen.Elements("a", "Z", "ç", "ə", "İ", "х", "Щ", "ու", "Ս", "ǝ", "中", "\u0301", " ", "-", "7", "ß", "ﬁ", "Ⅻ").ArrayOf().Select(p => string.Concat(p)).ToArbitrary(), text =>
        {
            var key = NameKey.Of(text);
            return key.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9') && key.Length <= NameKey.MaxLength;
        });

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property Every_key_with_a_prefix_lies_in_its_range() =>
        Prop.ForAll(Gen.Elements("lacin", "xankandi", "az", "zzb", "a9z", "susa", "9").ToArbitrary(), Gen.Choose(1, 4).ToArbitrary(), (key, cut) =>
        {
            var prefix = key[..Math.Min(cut, key.Length)];
            var after = NameKey.After(prefix);
            return string.CompareOrdinal(key, prefix) >= 0 && (after is null || string.CompareOrdinal(key, after) < 0);
        });

    [Theory]
    [InlineData("en", "Khankendi")]
    [InlineData("ru", "Ханкенди")]
    [InlineData("hy", "Ստեփանակերտ")]
    [InlineData("az", "Xankəndi")]
    [InlineData("fr", "Khankendi")]
    public void The_shown_name_is_the_one_the_viewers_language_prefers(string culture, string expected)
    {
        var place = Places.At("az-khankendi", "Khankendi (source)", PlaceKind.PopulatedPlace, 39.8177, 46.7528, "AZ");
        PlaceName[] names =
        [
            Places.Name(Guid.NewGuid(), place.Id, "Степанакерт", "ru", NameKind.Historic),
            Places.Name(Guid.NewGuid(), place.Id, "Ханкенди", "ru", NameKind.Official),
            Places.Name(Guid.NewGuid(), place.Id, "Stepanakert", "en", NameKind.Alternate),
            Places.Name(Guid.NewGuid(), place.Id, "Khankendi", "en", NameKind.Official),
            Places.Name(Guid.NewGuid(), place.Id, "Ханкәнди", "az", NameKind.Official),
            Places.Name(Guid.NewGuid(), place.Id, "Xankəndi", "az", NameKind.Official),
            Places.Name(Guid.NewGuid(), place.Id, "Ստեփանակերտ", "hy", NameKind.Official),
        ];
        Assert.Equal(expected, PlaceName.For(place, names, CultureInfo.GetCultureInfo(culture)));
    }

    [Fact]
    public void Without_a_name_in_the_language_or_English_the_places_own_name_is_shown()
    {
        var place = Places.At("am-berd", "Berd", PlaceKind.PopulatedPlace, 40.88, 45.39, "AM");
        Assert.Equal("Berd", PlaceName.For(place, [Places.Name(Guid.NewGuid(), place.Id, "Берд", "ru", NameKind.Official)], CultureInfo.GetCultureInfo("hy")));
    }

    [Theory]
    [InlineData("Ստեփանակերտ", "Armn")]
    [InlineData("Ханкенди", "Cyrl")]
    [InlineData("Xankəndi", "Latn")]
    [InlineData("12 Ханкенди", "Cyrl")]
    [InlineData("123", "")]
    public void A_names_script_comes_from_its_letters(string name, string script) => Assert.Equal(script, PlaceName.ScriptOf(name));
}
