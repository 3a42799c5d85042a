using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Truce.Web;

/// <summary>
/// Reads a JSON body into a submission type, answering what cannot be read as field errors like any other (400):
/// a syntax error names its line and position, a value of the wrong type names its field (as the rules name it),
/// what the field takes and what came, and a field the type does not have is refused by name rather than dropped.
/// </summary>
internal static class JsonBody
{
    public const long MaxBytes = 1024 * 1024;

    public static async Task<Result<T>> ReadAsync<T>(HttpRequest request) where T : class
    {
        if (!request.HasJsonContentType())
        {
            return Failure.Field(FailureKind.Malformed, "Content-Type", $"must be application/json.");
        }
        if (request.ContentLength > MaxBytes)
        {
            return Failure.Field(FailureKind.TooLarge, "body", $"is larger than {MaxBytes} bytes.");
        }
        var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        try
        {
            using var limited = new LimitedStream(request.Body, MaxBytes);
            using var buffer = new MemoryStream();
            await limited.CopyToAsync(buffer, request.HttpContext.RequestAborted);
            return Parse<T>(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), options);
        }
        catch (LimitedStream.TooLargeException)
        {
            return Failure.Field(FailureKind.TooLarge, "body", $"is larger than {MaxBytes} bytes.");
        }
        catch (BadHttpRequestException e)
        {
            // Kestrel's own limits and a body that ends before its Content-Length.
            return Failure.Field(e.StatusCode == StatusCodes.Status413PayloadTooLarge ? FailureKind.TooLarge : FailureKind.Malformed, "body", $"{e.Message}");
        }
        catch (Exception e) when (e is IOException or OperationCanceledException && request.HttpContext.RequestAborted.IsCancellationRequested)
        {
            // The client went away mid-body: nobody is left to answer, and it is not the server's fault.
            return Failure.Field(FailureKind.Malformed, "body", $"the request was aborted before its body was read.");
        }
    }

    /// <summary>The body's bytes as a <typeparamref name="T"/>, or every field that cannot be read, each under its own name.</summary>
    public static Result<T> Parse<T>(ReadOnlyMemory<byte> body, JsonSerializerOptions options) where T : class
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = options.MaxDepth });
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" (line {line + 1}, position {e.BytePositionInLine + 1})" : "";
            return Unreadable("body", $"is not valid JSON{where}.");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Unreadable("body", $"must be a JSON object, not {Came(root)}.");
            }
            try
            {
                return Read<T>(root, options);
            }
            catch (InvalidOperationException)
            {
                // JsonDocument checks UTF-8 inside strings only when they are read.
                return Unreadable("body", $"is not valid UTF-8.");
            }
        }
    }

    private static Result<T> Read<T>(JsonElement root, JsonSerializerOptions options) where T : class
    {
        var fields = options.GetTypeInfo(typeof(T)).Properties.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        var errors = new FieldErrors();
        foreach (var member in root.EnumerateObject())
        {
            if (!fields.TryGetValue(member.Name, out var field))
            {
                errors.Add(Submission.Clip(member.Name), $"is not a field of this request; its fields are: {string.Join(", ", fields.Keys)}.");
            }
            else if (Mismatch(field.PropertyType, member.Value) is { } expected)
            {
                errors.Add(field.Name, $"must be {expected}, not {Came(member.Value)}.");
            }
        }
        if (errors.Any)
        {
            return errors.ToFailure($"The body cannot be read.") with { Kind = FailureKind.Malformed };
        }
        try
        {
            return root.Deserialize<T>(options) is { } value ? value : Unreadable("body", $"must be a JSON object, not null.");
        }
        catch (JsonException e)
        {
            // What the checks above do not foresee (a type a later input adds): still named as the field, not as a JSON path.
            var field = e.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "body";
            return Unreadable(field, $"is not a valid value for this field.");
        }
    }

    private static Failure Unreadable(string field, FormattableString message)
    {
        var errors = new FieldErrors();
        errors.Add(field, message);
        return errors.ToFailure($"The body cannot be read.") with { Kind = FailureKind.Malformed };
    }

    /// <summary>What a property of <paramref name="type"/> takes, when <paramref name="value"/> is not that; null when it is.</summary>
    private static string? Mismatch(Type type, JsonElement value)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        if (value.ValueKind == JsonValueKind.Null)
        {
            return underlying is not null || !type.IsValueType ? null : "a value";
        }
        type = underlying ?? type;
        if (type == typeof(string))
        {
            return value.ValueKind == JsonValueKind.String ? null : "text (a JSON string)";
        }
        if (type == typeof(Guid))
        {
            return value.ValueKind == JsonValueKind.String && value.TryGetGuid(out _) ? null : "a UUID such as 7c9e6679-7425-40de-944b-e07fc1f90ae7";
        }
        if (type == typeof(int))
        {
            return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out _) ? null : "a whole number";
        }
        if (type == typeof(double))
        {
            return value.ValueKind == JsonValueKind.Number ? null : "a number";
        }
        if (type == typeof(bool))
        {
            return value.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : "true or false";
        }
        if (type != typeof(string) && type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)) is { } list)
        {
            var item = list.GetGenericArguments()[0];
            var expected = $"an array, each item {Mismatch(item, default) ?? item.Name}";
            return value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(v => Mismatch(item, v) is null) ? null : expected;
        }
        return null;
    }

    /// <summary>What came instead, echoed so the client sees its own value.</summary>
    private static string Came(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the text \"{Submission.Clip(value.GetString()!)}\"",
        JsonValueKind.Number => $"the number {Submission.Clip(value.GetRawText())}",
        JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        JsonValueKind.Null => "null",
        JsonValueKind.Array => "an array",
        _ => "an object",
    };

    /// <summary>Stops reading past a limit, for bodies sent without a Content-Length.</summary>
    private sealed class LimitedStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public sealed class TooLargeException : Exception;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int read)
        {
            _read += read;
            return _read > limit ? throw new TooLargeException() : read;
        }
    }
}
