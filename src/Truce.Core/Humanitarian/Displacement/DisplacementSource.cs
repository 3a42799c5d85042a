namespace Truce.Humanitarian;

/// <summary>The shared displacement datasets `truce import` reads.</summary>
public enum DisplacementSource
{
    /// <summary>
    /// IDMC's Global Internal Displacement Database, conflict figures per country and year (iso3, year,
    /// new_displacement, total_displacement), or its Internal Displacement Updates events (iso3, figure,
    /// displacement_date), told apart by their header.
    /// </summary>
    Idmc,
    /// <summary>UNHCR's solutions table per year, origin and asylum country (Year, ISO3CoO, ISO3CoA, RET, RDP).</summary>
    Unhcr,
}
