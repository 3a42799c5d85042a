namespace Truce;

/// <summary>One setting Truce reads: its configuration key, its default as README.md's table writes it ("" for none), and what it does.</summary>
internal sealed record SettingKey(string Key, string Default, string Meaning);
