using Truce.Web;

namespace Truce.Tests.Localization;

public sealed class PluralRuleTests
{
    [Theory]
    // CLDR: English and Azerbaijani one|other; Armenian one for 0 and 1; Russian one|few|many.
    [InlineData("en", 1, 0)]
    [InlineData("en", 0, 1)]
    [InlineData("en", 2, 1)]
    [InlineData("az", 1, 0)]
    [InlineData("az", 5, 1)]
    [InlineData("hy", 0, 0)]
    [InlineData("hy", 1, 0)]
    [InlineData("hy", 2, 1)]
    [InlineData("ru", 1, 0)]
    [InlineData("ru", 21, 0)]
    [InlineData("ru", 101, 0)]
    [InlineData("ru", 2, 1)]
    [InlineData("ru", 4, 1)]
    [InlineData("ru", 22, 1)]
    [InlineData("ru", 0, 2)]
    [InlineData("ru", 5, 2)]
    [InlineData("ru", 11, 2)]
    [InlineData("ru", 12, 2)]
    [InlineData("ru", 14, 2)]
    [InlineData("ru", 111, 2)]
    [InlineData("ru", 112, 2)]
    public void A_count_takes_the_plural_form_of_its_language(string language, long count, int form) =>
        Assert.Equal(form, Languages.PluralForm(language, count));

    [Fact]
    public void The_pseudo_locale_wraps_and_lengthens_but_keeps_placeholders_and_forms()
    {
        var pseudo = Pseudo.Of("{0} source|{0} sources");

        var forms = pseudo.Split('|');
        Assert.Equal(2, forms.Length);
        Assert.All(forms, f => Assert.Matches(@"^\[\{0\} [^a-z]+ ~+\]$", f));
        Assert.True(forms[1].Length > "{0} sources".Length * 4 / 3);
    }
}
