using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Truce.Storage;

namespace Truce.Testing;

/// <summary>
/// `truce serve` as a real process on 127.0.0.1, on a store that outlives it: started, killed with
/// SIGKILL and started again by the durability test, and measured by the load benchmark.
/// </summary>
public sealed class TruceServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly string[] _hostFlags;
    private readonly StringBuilder _log = new();
    private Process? _process;

    public TruceServer(StoreLocation location, params string[] hostFlags)
    {
        Location = location;
        _hostFlags = hostFlags;
        BaseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
    }

    /// <summary>The built truce.dll, copied beside whoever references src/Truce (the tests, bench/Load).</summary>
    public static string Executable => Path.Combine(AppContext.BaseDirectory, "truce.dll");

    public StoreLocation Location { get; }

    /// <summary>Fixed for the server's life, so clients keep one address across restarts.</summary>
    public Uri BaseAddress { get; }

    public bool Running => _process is { HasExited: false };

    /// <summary>The last lines the server printed, for a failure message.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>Starts the process and returns once /healthz answers.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (!File.Exists(Executable))
        {
            throw new FileNotFoundException($"{Executable} is missing: the project that starts truce serve must reference src/Truce.", Executable);
        }
        if (Running)
        {
            throw new InvalidOperationException("The server is already running.");
        }
        // The per-user submission limit would make a load or kill test measure the limiter, not the store.
        _process = Launch(["serve", "--db", Location.ConnectionString, "--urls", BaseAddress.ToString().TrimEnd('/'), "--RateLimits:SubmissionsPerMinute=0", .. _hostFlags]);
        using var probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var waited = Stopwatch.StartNew();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"truce serve exited with {_process.ExitCode} before it answered /healthz:\n{Log}");
            }
            try
            {
                using var health = await probe.GetAsync("/healthz", cancellationToken);
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Listening but not answering yet (migrations).
            }
            if (waited.Elapsed > StartTimeout)
            {
                await KillAsync();
                throw new TimeoutException($"truce serve did not answer /healthz within {StartTimeout.TotalSeconds} s:\n{Log}");
            }
            await Task.Delay(25, cancellationToken);
        }
    }

    /// <summary>SIGKILL: the process gets no chance to flush, close or finish a request.</summary>
    public async Task KillAsync()
    {
        if (_process is null)
        {
            return;
        }
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
            await _process.WaitForExitAsync();
        }
        finally
        {
            _process.Dispose();
            _process = null;
        }
    }

    /// <summary>Runs another verb (verify, user add, token create) against the same store, as a user would.</summary>
    public async Task<(int ExitCode, string Output)> RunVerbAsync(string[] args, string? input = null, CancellationToken cancellationToken = default)
    {
        var output = new StringBuilder();
        using var process = Launch([.. args, "--db", Location.ConnectionString], output, redirectInput: input is not null);
        if (input is not null)
        {
            await process.StandardInput.WriteLineAsync(input);
            process.StandardInput.Close();
        }
        await process.WaitForExitAsync(cancellationToken);
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }

    public async ValueTask DisposeAsync() => await KillAsync();

    private Process Launch(string[] args, StringBuilder? sink = null, bool redirectInput = false)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectInput,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Executable);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        // The store is named on the command line; nothing from the caller's environment may pick another.
        start.Environment.Remove("TRUCE_DB");
        start.Environment.Remove("TRUCE_DATA");
        var target = sink ?? _log;
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(target, e.Data);
        process.ErrorDataReceived += (_, e) => Append(target, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Append(StringBuilder log, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (log)
        {
            // Keep the tail: a long run must not grow without bound.
            if (log.Length > 64 * 1024)
            {
                log.Remove(0, log.Length - (32 * 1024));
            }
            log.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
