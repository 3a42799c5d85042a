namespace Truce.Web;

/// <summary>Endpoint metadata: the query parameters its handler reads, for the OpenAPI document.</summary>
internal sealed record QueryParameters(IReadOnlyList<QueryParameter> All);
