namespace Truce.Cli;

/// <summary>What each verb's exit status means, the same for every verb.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>Something outside Truce failed: the store could not be reached, a file could not be read.</summary>
    public const int Error = 1;

    /// <summary>The command line itself is wrong: an unknown verb or option, a missing argument, a value of the wrong type.</summary>
    public const int Usage = 2;

    /// <summary>The request was understood and refused: invalid, conflicting or not found.</summary>
    public const int Refused = 3;

    /// <summary>The journal does not verify: the record has been tampered with.</summary>
    public const int Tampered = 4;
}
