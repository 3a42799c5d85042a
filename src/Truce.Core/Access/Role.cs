namespace Truce.Access;

public enum Role
{
    Public,
    Monitor,
    Analyst,
    Liaison,
    Humanitarian,
    Administrator,
}
