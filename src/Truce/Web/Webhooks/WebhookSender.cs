using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Truce.Storage;
using Truce.Webhooks;

namespace Truce.Web;

/// <summary>
/// Sends the outbox's due deliveries, signed as Standard Webhooks says, every <see cref="WebhookTimings.Poll"/> on the
/// app's clock. Every node may run it: a delivery is claimed with a lease before it is sent (<see cref="Deliveries"/>),
/// so two nodes never send one delivery at once, and one that dies mid-send leaves it to be claimed again after the lease.
/// </summary>
internal sealed partial class WebhookSender(Store store, TruceSettings settings, TimeProvider clock, ILogger<WebhookSender> logger) : BackgroundService
{
    /// <summary>Deliveries claimed per round; the rest wait for the next round rather than hold leases they cannot use yet.</summary>
    private const int Batch = 20;

    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
    {
        Timeout = settings.WebhookTimings.Timeout,
    };

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.WebhookTimings.Poll, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await RunOnceAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A store that is briefly unreachable must not stop the sender: what is due stays due.
                    LogFailed(logger, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>Claims what is due and sends it, one attempt each; answers how many were delivered.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var delivered = 0;
        foreach (var claimed in await Deliveries.ClaimAsync(store, settings.WebhookTimings, Batch, cancellationToken))
        {
            var (status, error) = await SendAsync(claimed, cancellationToken);
            await Deliveries.RecordAsync(store, settings.WebhookTimings, claimed, status, error, cancellationToken);
            if (status is { } code && WebhookRules.Accepted(code))
            {
                delivered++;
            }
            else
            {
                LogRetry(logger, claimed.Delivery.Id, claimed.Url, status, error);
            }
        }
        return delivered;
    }

    private async Task<(int? Status, string? Error)> SendAsync(ClaimedDelivery claimed, CancellationToken cancellationToken)
    {
        var id = claimed.Delivery.Id.ToString();
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, claimed.Url)
        {
            Content = new StringContent(claimed.Delivery.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSignature.Sign(claimed.Secret, id, timestamp, claimed.Delivery.Payload));
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("Truce-Webhooks", "1"));
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var status = (int)response.StatusCode;
            return (status, WebhookRules.Accepted(status) ? null : $"HTTP {status} {response.ReasonPhrase}");
        }
        catch (HttpRequestException e)
        {
            return (null, e.Message);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, $"no answer within {settings.WebhookTimings.Timeout.TotalSeconds} s");
        }
    }

    public override void Dispose()
    {
        _http.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook delivery {DeliveryId} to {Url} not accepted: status {Status}, {Error}")]
    private static partial void LogRetry(ILogger logger, Guid deliveryId, string url, int? status, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook round failed; retrying at the next tick")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
