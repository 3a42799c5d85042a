namespace Truce.Humanitarian;

/// <summary>The basic services a place needs before people can come home.</summary>
public enum ServiceKind
{
    Water,
    Electricity,
    Gas,
    Health,
    Education,
    Telecom,
}
