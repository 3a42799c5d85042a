namespace Truce.Access;

/// <summary>
/// A record of the humanitarian registers (displacement, services, infrastructure). Humanitarian partners keep them,
/// so they read every one whatever its visibility; everyone else reads them as any record with a visibility
/// (see <see cref="AccessPolicy.VisibleTo{T}"/>).
/// </summary>
public interface IHumanitarianRecord : IHasVisibility;
