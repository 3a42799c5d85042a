using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Truce.Storage;

/// <summary>Stores an enum as its slug, so that the database reads the same words as the API.</summary>
internal sealed class SlugConverter<TEnum>() : ValueConverter<TEnum, string>(v => Slug.Of(v), s => Slug.Parse<TEnum>(s))
    where TEnum : struct, Enum;
