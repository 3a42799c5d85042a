namespace Truce.Web;

/// <summary>
/// Every 503 tells the client when to try again: the server answers it when the writer has fallen behind
/// (<see cref="Truce.Storage.GroupCommit.MaxWaiting"/>), and a second later the queue has moved on by several batches.
/// </summary>
internal sealed class RetryAfter(RequestDelegate next)
{
    /// <summary>Seconds; one commit of a full batch takes well under that even on a shared machine.</summary>
    public const int Seconds = 1;

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var response = (HttpResponse)state;
            if (response.StatusCode == StatusCodes.Status503ServiceUnavailable && response.Headers.RetryAfter.Count == 0)
            {
                response.Headers.RetryAfter = Seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            return Task.CompletedTask;
        }, context.Response);
        return next(context);
    }
}
