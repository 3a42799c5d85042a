using Truce.Access;

namespace Truce.Storage;

/// <summary>A mission-wide setting, such as the mission's name or whether the demo was loaded.</summary>
[ReadBy(ReadRule.Restricted)]
public sealed class Setting
{
    public string Key { get; set; } = "";

    public string Value { get; set; } = "";
}
