using Truce.Access;

namespace Truce.Web;

/// <summary>
/// Who may call an endpoint, declared on the endpoint itself and enforced by <see cref="AccessGate"/>.
/// Every endpoint carries one (an endpoint without a rule is refused, and the access test fails); which
/// records a permitted caller then sees is decided by <see cref="AccessPolicy"/>.
/// </summary>
internal sealed record AccessRule(bool SignIn, Operation? Requires)
{
    /// <summary>Anyone, the anonymous public included; the records answered are filtered for the viewer.</summary>
    public static AccessRule Anyone { get; } = new(false, null);

    public static AccessRule SignedIn { get; } = new(true, null);

    public static AccessRule For(Operation operation) => new(true, operation);
}
