using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Truce.Monitoring;

namespace Truce.Web;

/// <summary>
/// What the OpenAPI document states beyond the handlers' types, so that a client generated from it works: the
/// bearer scheme and which operations need it (from each endpoint's <see cref="AccessRule"/>), the problem details
/// each operation may answer (README's "JSON API" convention), the allowed values of text fields that take a slug
/// (<see cref="AllowedValuesAttribute"/> on the input records) and the alternatives an observation needs.
/// </summary>
internal static class OpenApiContract
{
    public static IServiceCollection AddTruceOpenApi(this IServiceCollection services) => services.AddOpenApi(options =>
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Truce";
            document.Info.Description = "Ceasefire monitoring: observations, incidents, assessments, metrics. Errors are RFC 9457 problem details.";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[BearerHandler.SchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "A token from `truce token create`. An unknown, expired or revoked token is a 401 on every endpoint.",
            };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer(DescribeAsync);
        options.AddSchemaTransformer((schema, context, _) =>
        {
            if (context.JsonPropertyInfo?.AttributeProvider?.GetCustomAttributes(typeof(AllowedValuesAttribute), false) is [AllowedValuesAttribute allowed, ..])
            {
                schema.Enum = [.. allowed.Values.Select(v => (JsonNode)JsonValue.Create(Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture))!)];
            }
            if (context.JsonPropertyInfo is null && context.JsonTypeInfo.Type == typeof(ObservationInput))
            {
                // ObservationRules: a time (an instant, or a period) and a place (a point, or the observer's bearing and distance).
                schema.AllOf =
                [
                    OneOf(["observedAt"], ["observedFrom", "observedTo"]),
                    OneOf(["latitude", "longitude"], ["observerLatitude", "observerLongitude", "bearingDeg", "distanceM"]),
                ];
            }
            return Task.CompletedTask;
        });
    });

    /// <summary>Declares the query parameters an endpoint's handler reads itself (see <see cref="QueryParameter"/>).</summary>
    public static TBuilder Reads<TBuilder>(this TBuilder builder, params QueryParameter[] parameters) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new QueryParameters(parameters));

    private static OpenApiParameter Describe(QueryParameter parameter) => new()
    {
        Name = parameter.Name,
        In = ParameterLocation.Query,
        Required = false,
        Description = parameter.Description,
        Schema = new OpenApiSchema
        {
            Type = parameter.Type switch
            {
                "integer" => JsonSchemaType.Integer,
                "number" => JsonSchemaType.Number,
                _ => JsonSchemaType.String,
            },
            Format = parameter.Format,
            Enum = parameter.Allowed is { } allowed ? [.. allowed.Select(v => (JsonNode)JsonValue.Create(v)!)] : null,
        },
    };

    private static OpenApiSchema OneOf(params string[][] alternatives) =>
        new() { AnyOf = [.. alternatives.Select(fields => (IOpenApiSchema)new OpenApiSchema { Required = new HashSet<string>(fields) })] };

    private static async Task DescribeAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var rule = description.ActionDescriptor.EndpointMetadata.OfType<AccessRule>().LastOrDefault();
        if (description.ActionDescriptor.EndpointMetadata.OfType<QueryParameters>().LastOrDefault() is { } reads)
        {
            operation.Parameters ??= [];
            foreach (var parameter in reads.All)
            {
                operation.Parameters.Add(Describe(parameter));
            }
        }
        var plain = await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, cancellationToken);
        var fields = await context.GetOrCreateSchemaAsync(typeof(HttpValidationProblemDetails), null, cancellationToken);
        operation.Responses ??= [];
        void Problem(int status, string meaning, IOpenApiSchema schema) => operation.Responses.TryAdd(
            status.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new OpenApiResponse { Description = meaning, Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = schema } } });

        Problem(401, "Credentials that fail (an unknown, expired or revoked token), or none where the operation needs them.", plain);
        if (rule?.SignIn == true)
        {
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerHandler.SchemeName, context.Document)] = [] }];
        }
        if (rule?.Requires is not null)
        {
            Problem(403, "The caller's role (or a read-only token) may not do this.", plain);
        }
        if (description.RelativePath?.Contains("{id", StringComparison.Ordinal) == true)
        {
            Problem(404, "No such record, or one the caller may not see.", plain);
        }
        var body = description.ParameterDescriptions.Any(p => p.Source == BindingSource.Body) || description.SupportedRequestFormats.Count > 0;
        if (body || description.HttpMethod == "GET")
        {
            Problem(400, body ? "The body cannot be read: malformed JSON, a value of the wrong type, an unknown field." : "A query parameter cannot be read.", fields);
        }
        if (body)
        {
            Problem(409, "The id was used with another body, or the record's state does not allow this.", fields);
            Problem(413, "The body is too large.", fields);
            Problem(422, "The body breaks a rule; each field is named in errors.", fields);
        }
    }
}
