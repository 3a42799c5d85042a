namespace Truce.Monitoring;

/// <summary>How the reporter knows: the first four are direct, <see cref="ToldBy"/> is hearsay.</summary>
public enum Sensor
{
    Saw,
    Heard,
    Camera,
    Drone,
    ToldBy,
}
