using System.ComponentModel.DataAnnotations;
using System.Text.Json;

namespace Truce;

/// <summary>
/// A text field that takes one of an enum's slugs (as <see cref="Slug"/> spells them), so that the OpenAPI document
/// lists the allowed values. The rules still check the value (<see cref="Submission.Choice{TEnum}"/>), case-insensitively.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SlugsAttribute(Type enumType)
    : AllowedValuesAttribute([.. Enum.GetNames(enumType).Select(JsonNamingPolicy.SnakeCaseLower.ConvertName)]);
