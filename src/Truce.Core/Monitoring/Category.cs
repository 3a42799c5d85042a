namespace Truce.Monitoring;

/// <summary>What was observed: a taxonomy close to the one the OSCE SMM used in its daily reports.</summary>
public enum Category
{
    Explosion,
    ProjectileInFlight,
    SmallArmsFire,
    HeavyMachineGunFire,
    IlluminationFlare,
    WeaponInViolation,
    MilitaryMovement,
    MineUxo,
    CivilianHarm,
    InfrastructureDamage,
    FreedomOfMovementRestriction,
    Other,
}

public static class CategoryNames
{
    public static string Label(this Category category) => category switch
    {
        Category.Explosion => "Explosion",
        Category.ProjectileInFlight => "Projectile in flight",
        Category.SmallArmsFire => "Small-arms fire",
        Category.HeavyMachineGunFire => "Heavy-machine-gun fire",
        Category.IlluminationFlare => "Illumination flare",
        Category.WeaponInViolation => "Weapon in violation of withdrawal lines",
        Category.MilitaryMovement => "Military movement",
        Category.MineUxo => "Mine / UXO",
        Category.CivilianHarm => "Civilian harm",
        Category.InfrastructureDamage => "Damage to infrastructure",
        Category.FreedomOfMovementRestriction => "Restriction of freedom of movement",
        _ => "Other",
    };
}
