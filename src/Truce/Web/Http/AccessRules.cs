namespace Truce.Web;

internal static class AccessRules
{
    public static TBuilder Allow<TBuilder>(this TBuilder builder, AccessRule rule) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(rule);
}
