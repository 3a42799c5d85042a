using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Truce.Storage;

/// <summary>
/// Marks a column as a secret (a password or token hash): the journal records its SHA-256, never its value.
/// </summary>
internal static class SecretProperty
{
    private const string Annotation = "Truce:Secret";

    public static PropertyBuilder<T> IsSecret<T>(this PropertyBuilder<T> property) => property.HasAnnotation(Annotation, true);

    public static bool IsSecret(this IReadOnlyProperty property) => property.FindAnnotation(Annotation) is not null;
}
