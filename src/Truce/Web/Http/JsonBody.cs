using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Truce.Web;

/// <summary>
/// Reads a JSON body into a submission type. Malformed JSON is refused naming the JSON path, line and
/// position, instead of the framework's generic binding failure.
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
            var value = await JsonSerializer.DeserializeAsync<T>(limited, options, request.HttpContext.RequestAborted);
            return value is null ? Failure.Field(FailureKind.Malformed, "body", $"must be a JSON object, not null.") : value;
        }
        catch (JsonException e)
        {
            var field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "body" : e.Path;
            var where = e.LineNumber is { } line ? $" (line {line + 1}, position {e.BytePositionInLine + 1})" : "";
            return Failure.Field(FailureKind.Malformed, field, $"is not valid JSON for this field{where}.");
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
