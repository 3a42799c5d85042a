using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Humanitarian;
using Truce.MineAction;
using Truce.Storage;

namespace Truce.Web;

/// <summary>
/// The infrastructure and mine-action registers as pages: anyone reads them (each record as the access policy shows
/// it), the registers' writers record through forms that call the same Core functions as the API, so one set of rules
/// decides and the Core call journals. A refused form is shown again, filled in, with the refusal beside it naming the field.
/// </summary>
internal static class RegisterPages
{
    public static void MapRegisterPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/registers").ExcludeFromDescription();
        pages.MapGet("/infrastructure", (Chrome chrome, TruceDb db, CancellationToken cancellationToken) => InfrastructureAsync(chrome, db, null, cancellationToken))
            .Allow(AccessRule.Anyone);
        pages.MapPost("/infrastructure/assets", (IFormCollection form, Chrome chrome, TruceDb db, CancellationToken cancellationToken) =>
                RecordAsync(new RegisterForm(form), "asset", "/registers/infrastructure#assets",
                    read => read.Asset(), input => InfrastructureRegister.AddAssetAsync(db, chrome.Viewer, input, cancellationToken),
                    refused => InfrastructureAsync(chrome, db, refused, cancellationToken)))
            .Allow(AccessRule.For(Operation.WriteRegisters));
        pages.MapPost("/infrastructure/damage", (IFormCollection form, Chrome chrome, TruceDb db, CancellationToken cancellationToken) =>
                RecordAsync(new RegisterForm(form), "damage", "/registers/infrastructure#damage",
                    read => read.Damage(), input => InfrastructureRegister.AssessDamageAsync(db, chrome.Viewer, input, cancellationToken),
                    refused => InfrastructureAsync(chrome, db, refused, cancellationToken)))
            .Allow(AccessRule.For(Operation.WriteRegisters));
        pages.MapPost("/infrastructure/projects", (IFormCollection form, Chrome chrome, TruceDb db, CancellationToken cancellationToken) =>
                RecordAsync(new RegisterForm(form), "project", "/registers/infrastructure#projects",
                    read => read.Project(), input => InfrastructureRegister.AddProjectAsync(db, chrome.Viewer, input, cancellationToken),
                    refused => InfrastructureAsync(chrome, db, refused, cancellationToken)))
            .Allow(AccessRule.For(Operation.WriteRegisters));

        pages.MapGet("/mine-action", (Chrome chrome, TruceDb db, CancellationToken cancellationToken) => MineActionAsync(chrome, db, null, cancellationToken))
            .Allow(AccessRule.Anyone);
        pages.MapPost("/mine-action/devices", (IFormCollection form, Chrome chrome, TruceDb db, CancellationToken cancellationToken) =>
                RecordAsync(new RegisterForm(form), "device", "/registers/mine-action",
                    read => (Area: read.Area(), Find: read.DeviceFind()),
                    input => input.Area is { } area ? Clearance.RecordFindAsync(db, chrome.Viewer, area, input.Find, cancellationToken) : NoArea<Submitted<DeviceFind>>(),
                    refused => MineActionAsync(chrome, db, refused, cancellationToken)))
            .Allow(AccessRule.For(Operation.WriteRegisters));
        pages.MapPost("/mine-action/tasks", (IFormCollection form, Chrome chrome, TruceDb db, CancellationToken cancellationToken) =>
                RecordAsync(new RegisterForm(form), "task", "/registers/mine-action",
                    read => (Area: read.Area(), Task: read.Task()),
                    input => input.Area is { } area ? Clearance.RecordTaskAsync(db, chrome.Viewer, area, input.Task, cancellationToken) : NoArea<Submitted<ClearanceTask>>(),
                    refused => MineActionAsync(chrome, db, refused, cancellationToken)))
            .Allow(AccessRule.For(Operation.WriteRegisters));
    }

    /// <summary>
    /// One form's submission: the text read into the API's input; a number or id that is not one refuses it there, before
    /// any Core call; otherwise the Core call judges and records it. Recorded: back to the register. Refused: the page
    /// again with the refusal beside this form, nothing stored.
    /// </summary>
    private static async Task<IResult> RecordAsync<TInput, T>(RegisterForm read, string form, string back,
        Func<RegisterForm, TInput> input, Func<TInput, Task<Result<T>>> record, Func<RefusedForm, Task<IResult>> page)
    {
        var body = input(read);
        var failure = read.Errors.Any ? read.Errors.ToFailure() : (await record(body)).Failure;
        return failure is null ? TypedResults.Redirect(back) : await page(new RefusedForm(form, failure, read.Values));
    }

    private static Task<Result<T>> NoArea<T>() =>
        Task.FromResult<Result<T>>(Failure.Field(FailureKind.Invalid, "area", $"is required: the hazardous area."));

    private static async Task<IResult> InfrastructureAsync(Chrome chrome, TruceDb db, RefusedForm? refused, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var assets = await InfrastructureRegister.AssetsAsync(db, chrome.Viewer, cancellationToken);
        var damage = await InfrastructureRegister.DamageAsync(db, chrome.Viewer, cancellationToken);
        var projects = await InfrastructureRegister.ProjectsAsync(db, chrome.Viewer, cancellationToken);
        // The places the register already speaks of: named in the tables, and offered first to the asset form.
        var ids = assets.Select(a => a.PlaceId).Distinct().ToList();
        var places = await db.Set<Gazetteer.Place>().AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        return new InfrastructureModel(chrome, assets, damage, projects, places, refused).Render();
    }

    private static async Task<IResult> MineActionAsync(Chrome chrome, TruceDb db, RefusedForm? refused, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        return new MineActionModel(chrome, await HazardousAreas.ListAsync(db, cancellationToken), await Clearance.FindsAsync(db, cancellationToken),
            await Clearance.TasksAsync(db, cancellationToken), refused).Render();
    }
}
