namespace Truce.Humanitarian;

/// <summary>The registers that export and import as CSV (and HXL-tagged CSV); the slug names each in the API and the CLI.</summary>
public enum RegisterName
{
    Displacement,
    Services,
    HazardousAreas,
    Assets,
    Damage,
    Projects,
}
