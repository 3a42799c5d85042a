namespace Truce.Lists;

/// <summary>Which page of a list is asked for: its number, from 1, and its size.</summary>
public readonly record struct Paging(int Number, int Size)
{
    public const int MaxSize = 500;

    public static Paging Default { get; } = new(1, 50);

    public int Skip => (Number - 1) * Size;

    public static Paging Parse(string? page, string? pageSize, FieldErrors errors)
    {
        var number = 1;
        var size = Default.Size;
        if (page is not null && (!int.TryParse(page, out number) || number < 1))
        {
            errors.Add("page", $"must be a whole number from 1.");
            number = 1;
        }
        if (pageSize is not null && (!int.TryParse(pageSize, out size) || size is < 1 or > MaxSize))
        {
            errors.Add("pageSize", $"must be a whole number from 1 to {MaxSize}.");
            size = Default.Size;
        }
        return new Paging(number, size);
    }
}
