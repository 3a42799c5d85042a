namespace Truce.Access;

/// <summary>
/// A record whose readers its <see cref="Visibility"/> decides. Every read of such a record goes through
/// <see cref="AccessPolicy.VisibleTo{T}"/> and what the viewer is shown of it through <see cref="AccessPolicy.Disclose{T}"/>.
/// </summary>
public interface IHasVisibility
{
    Visibility Visibility { get; }
}
