using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Features;
using Scalar.AspNetCore;
using Truce.Access;
using Truce.Cli;
using Truce.Storage;

namespace Truce.Web;

/// <summary>The web server: read this file as the table of contents of what `truce serve` offers.</summary>
internal static class TruceWeb
{
    public static WebApplication Create(string[] hostArgs, IDictionary<string, string?> flags, TextWriter console)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = hostArgs,
            // The static assets manifest is named after the application, also when a test hosts it.
            ApplicationName = typeof(TruceWeb).Assembly.GetName().Name,
            // Run from anywhere: appsettings.json and the static assets live beside the executable.
            ContentRootPath = hostArgs.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase)) ? null : AppContext.BaseDirectory,
        });
        // Serve wwwroot (and the Leaflet copied into it) from the project when run from a build, as from a publish folder.
        builder.WebHost.UseStaticWebAssets();
        builder.Configuration.AddEnvironmentVariables("TRUCE_");
        builder.Configuration.AddInMemoryCollection(flags);

        // Every source is in place (a test host's settings included), so the settings are read once, here.
        var settings = TruceSettings.From(builder.Configuration);
        builder.WebHost.UseUrls(settings.Urls);

        var services = builder.Services;
        services.AddSingleton(settings);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new Store(settings.Store, sp.GetRequiredService<TimeProvider>(), settings.PublicPrecisionM));
        // Whoever is asking, bound as a handler parameter; the access gate has already refused who may not.
        services.AddScoped(sp => sp.GetRequiredService<IHttpContextAccessor>().HttpContext?.Viewer() ?? Viewer.Anonymous);
        services.AddScoped(sp => sp.GetRequiredService<Store>().Open(sp.GetRequiredService<Viewer>()));
        services.AddHttpContextAccessor();
        services.AddSingleton(new StartupConsole(console, Interactive: !Console.IsOutputRedirected));
        services.AddHostedService<StartupTasks>();
        services.AddHostedService<HotlineEscalator>();
        services.AddSingleton<WebhookSender>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookSender>());
        services.AddHostedService<AbandonedParts>();

        services.AddTruceAuthentication();
        services.AddTruceDataProtection(builder.Logging, settings);
        services.AddTruceRateLimits(settings);
        services.AddPublicSite(settings);
        services.AddAntiforgery(options => options.Cookie.Name = "truce.antiforgery");
        services.AddTruceLocalization();
        services.AddRazorComponents();
        services.AddProblemDetails(Problems.Customize);
        services.AddTruceOpenApi();
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
            options.SerializerOptions.MaxDepth = 32;
        });
        services.Configure<FormOptions>(options => options.MultipartBodyLengthLimit = settings.EvidenceMaxBytes + EvidenceUpload.FramingBytes);
        // Above the largest evidence upload and any JSON body (JsonBody.MaxBytes), with room for headers.
        builder.WebHost.ConfigureKestrel(options => options.Limits.MaxRequestBodySize = settings.EvidenceMaxBytes + (1024 * 1024));
        builder.Logging.AddSimpleConsole(options => options.SingleLine = true);

        var app = builder.Build();
        // Before anything reads the client's address (sign-in lockout, rate limits): a known proxy's X-Forwarded-For.
        app.UseClientAddress();
        // Who is asking and in which language come first, so that the error pages below speak the viewer's language.
        app.UseAuthentication();
        app.UseTruceLocalization(settings);
        // A request the framework cannot bind (a bad form, a missing antiforgery token) is the client's error, not ours.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
            ExceptionHandler = ErrorPages.ExceptionAsync,
        });
        app.UseStatusCodePages(ErrorPages.StatusCodeAsync);
        app.UseMiddleware<SecurityHeaders>();
        app.UseMiddleware<RetryAfter>();
        app.UseMiddleware<AccessGate>();
        app.UseRateLimiter();
        app.UseAntiforgery();
        // After the language is known (part of the key) and after the gate, so a cached page passes every check a fresh one does.
        app.UseOutputCache();
        app.MapStaticAssets().Add(endpoint => endpoint.Metadata.Add(AccessRule.Anyone));
        app.MapOpenApi().Allow(AccessRule.Anyone);
        // A readable reference of that document, its script served from the package (no CDN); see SecurityHeaders.
        app.MapScalarApiReference(ApiReference.Path, options => options.WithTitle("Truce API").DisableDefaultFonts().DisableTelemetry()).Allow(AccessRule.Anyone);
        app.MapHealth();
        app.MapDashboard();
        app.MapAccount();
        app.MapLanguage(settings);
        app.MapMission();
        app.MapPlaces();
        app.MapMonitoring();
        app.MapOpenRosa();
        app.MapField();
        app.MapVerification();
        app.MapMetrics();
        app.MapHotline();
        app.MapWebhooks();
        app.MapActivities();
        app.MapHandover();
        app.MapPublic();
        app.MapReports();
        app.MapHumanitarian();
        app.MapExports();
        app.MapRegisters();
        app.MapJournal();
        app.MapAdministration();
        app.MapBench(settings);
        return app;
    }
}
