using Ganss.Xss;
using Markdig;

namespace Truce.Reports;

/// <summary>
/// The analysts' Markdown as HTML a page may include: rendered by Markdig with raw HTML disabled, then sanitised by
/// HtmlSanitizer (no script, no style, no event handler, links only to http, https and mailto), so that neither a
/// mistake nor a hostile draft reaches a reader's browser.
/// </summary>
public static class Narrative
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseEmphasisExtras().DisableHtml().Build();

    private static readonly HtmlSanitizer Sanitizer = Build();

    /// <summary>Removes every tag, keeping the text: what a comment is stored as.</summary>
    private static readonly HtmlSanitizer TextOnly = BuildTextOnly();

    public static string ToHtml(string markdown) => Sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline));

    /// <summary>The plain text of a Markdown narrative (for search and the feed's summary).</summary>
    public static string ToPlainText(string markdown) => Markdown.ToPlainText(markdown, Pipeline).Trim();

    /// <summary>Text with any markup removed (its text kept, its tags and scripts dropped); entities decoded back to characters.</summary>
    public static string StripMarkup(string text) =>
        System.Net.WebUtility.HtmlDecode(TextOnly.Sanitize(text));

    private static HtmlSanitizer Build()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.UnionWith(["http", "https", "mailto"]);
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedTags.Remove("img");
        return sanitizer;
    }

    private static HtmlSanitizer BuildTextOnly()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedTags.Clear();
        sanitizer.KeepChildNodes = true;
        return sanitizer;
    }
}
