using nietras.SeparatedValues;
using Truce.Access;
using Truce.Storage;

namespace Truce.Humanitarian;

/// <summary>
/// Writes a register as CSV, optionally with the HXL hashtag row under the header, from what the viewer may read; a
/// text cell a spreadsheet would run as a formula gets one leading quote, which <see cref="RegisterImport"/> takes off.
/// </summary>
public static class RegisterExport
{
    public static async Task WriteAsync(TruceDb db, Viewer viewer, RegisterName register, bool hxl, TextWriter output, CancellationToken cancellationToken = default)
    {
        var layout = RegisterLayout.Columns(register);
        var rows = await RegisterLayout.RowsAsync(db, viewer, register, cancellationToken);
        {
            await using var writer = Sep.New(',').Writer(o => o with { Escape = true }).To(output, leaveOpen: true);
            writer.Header.Add([.. layout.Select(c => c.Name)]);
            if (hxl)
            {
                await using var tags = writer.NewRow(cancellationToken);
                for (var i = 0; i < layout.Count; i++)
                {
                    tags[i].Set(layout[i].Hxl);
                }
            }
            foreach (var cells in rows)
            {
                await using var row = writer.NewRow(cancellationToken);
                for (var i = 0; i < layout.Count; i++)
                {
                    row[i].Set(layout[i].ForSpreadsheet(cells[i]));
                }
            }
            // A register with nothing visible still answers a header, so the file is a valid CSV of no rows.
            if (!hxl && rows.Count == 0)
            {
                writer.Header.Write();
            }
        }
        await output.FlushAsync(cancellationToken);
    }
}
