using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Truce.Tests.Webhooks;

/// <summary>
/// A partner's system: a real HTTP server on 127.0.0.1 that records every request it gets at /{name} and refuses the
/// first <c>failFirst</c> of them with a 500, as a receiver that is briefly down would.
/// </summary>
internal sealed class HookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _seen;

    public sealed record Received(string Name, string Id, string Timestamp, string Signature, string Body, int Answered);

    public ConcurrentQueue<Received> Requests { get; } = new();

    public string BaseUrl { get; private set; } = "";

    private HookReceiver(int failFirst)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/{name}", async (string name, HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            var status = Interlocked.Increment(ref _seen) <= failFirst ? 500 : 204;
            Requests.Enqueue(new Received(name, request.Headers["webhook-id"].ToString(), request.Headers["webhook-timestamp"].ToString(),
                request.Headers["webhook-signature"].ToString(), body, status));
            return Results.StatusCode(status);
        });
    }

    public static async Task<HookReceiver> StartAsync(int failFirst)
    {
        var receiver = new HookReceiver(failFirst);
        await receiver._app.StartAsync();
        receiver.BaseUrl = receiver._app.Urls.Single();
        return receiver;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
