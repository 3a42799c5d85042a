namespace Truce.Gazetteer;

/// <summary>What standing a name has.</summary>
public enum NameKind
{
    /// <summary>The name in official use (GeoNames' main name, or an alternate marked preferred).</summary>
    Official,
    /// <summary>A name in local, colloquial use.</summary>
    Local,
    /// <summary>A name no longer in official use (GeoNames' isHistoric).</summary>
    Historic,
    /// <summary>Any other spelling or translation.</summary>
    Alternate,
}
