using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace Truce.Web;

/// <summary>
/// A handler parameter holding a JSON request body, read by <see cref="JsonBody"/>: a malformed body becomes a
/// <see cref="Failure"/> naming the JSON path, line and position, not the framework's generic binding failure.
/// It also tells OpenAPI which type the endpoint accepts.
/// </summary>
internal sealed class JsonInput<T> : IEndpointParameterMetadataProvider where T : class
{
    private JsonInput(Result<T> body) => Body = body;

    public Result<T> Body { get; }

    public static async ValueTask<JsonInput<T>> BindAsync(HttpContext context) => new(await JsonBody.ReadAsync<T>(context.Request));

    public static void PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder) =>
        builder.Metadata.Add(new AcceptsMetadata(["application/json"], typeof(T)));

    /// <summary>Runs the command on a body that could be read; a body that could not is the answer as it is.</summary>
    public async Task<Result<TOut>> ThenAsync<TOut>(Func<T, Task<Result<TOut>>> command) =>
        Body.Failure is { } malformed ? malformed : await command(Body.Value!);
}
