namespace Truce.Humanitarian;

/// <summary>
/// One column of a register's CSV: its header (the API's field name, so an import error names the same field the API
/// would), its HXL hashtag, whether it holds a number (never neutralised for spreadsheets), and whether it is only
/// written for the reader's sake (a place's name and region, derived from the place id) and passed over on import.
/// </summary>
public sealed record RegisterColumn(string Name, string Hxl, bool Number = false, bool Derived = false)
{
    /// <summary>The cell as written: a text beginning with = + - @ TAB CR (or a quote) gets one leading quote, as the observation exports do.</summary>
    public string ForSpreadsheet(string cell) => Number ? cell : Import.TruceLayout.ForSpreadsheet(Name, cell);

    /// <summary>The cell as it was before <see cref="ForSpreadsheet"/>.</summary>
    public string FromSpreadsheet(string cell) => Number ? cell : Import.TruceLayout.FromSpreadsheet(Name, cell);
}
