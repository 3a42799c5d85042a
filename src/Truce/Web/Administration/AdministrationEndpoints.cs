using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Truce.Access;
using Truce.Storage;

namespace Truce.Web;

/// <summary>Administration: users (add, list, disable) and the journal as a change feed.</summary>
internal static class AdminPages
{
    public static void MapAdmin(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/admin").ExcludeFromDescription().Allow(AccessRule.For(Operation.ManageUsers));
        admin.MapGet("/users", (HttpContext context, TruceDb db) => UsersPage(context, db, null, null, 200));
        admin.MapPost("/users", AddUser);
        admin.MapPost("/users/{name}/disable", (string name, HttpContext context, TruceDb db, IFormCollection form) => SetDisabled(name, true, context, db));
        admin.MapPost("/users/{name}/enable", (string name, HttpContext context, TruceDb db, IFormCollection form) => SetDisabled(name, false, context, db));

        app.MapGet("/api/journal", Journal).WithTags("Journal").Allow(AccessRule.For(Operation.ReadJournal))
            .WithSummary("The journal as a change feed: entries after a sequence number (after=0 for the start), oldest first, at most `limit` (default 500).");
    }

    private static async Task<RazorComponentResult> UsersPage(HttpContext context, TruceDb db, Failure? problem, (string, string)? created, int status)
    {
        var chrome = await Chrome.LoadAsync(db, context.Viewer(), context.RequestAborted);
        return new RazorComponentResult<AdminUsers>(new
        {
            Chrome = chrome,
            Users = await Users.ListAsync(db, context.RequestAborted),
            Parties = await db.Parties.AsNoTracking().OrderBy(p => p.Id).ToListAsync(context.RequestAborted),
            Now = db.Clock.GetUtcNow(),
            Problem = problem,
            Created = created,
        })
        { StatusCode = status };
    }

    private static async Task<RazorComponentResult> AddUser(HttpContext context, TruceDb db, IFormCollection form)
    {
        var role = Slug.TryParse<Role>(form["role"], out var parsed) ? parsed : Role.Public;
        var password = Users.NewPassword();
        var party = string.IsNullOrWhiteSpace(form["party"]) ? null : form["party"].ToString();
        var added = await Users.AddAsync(db, form["name"].ToString(), role, party, password, context.RequestAborted, form["organisation"]);
        return added.Failure is { } failure
            ? await UsersPage(context, db, failure, null, Problems.Status(failure.Kind))
            : await UsersPage(context, db, null, (added.Value!.Name, password), 200);
    }

    private static async Task<IResult> SetDisabled(string name, bool disabled, HttpContext context, TruceDb db)
    {
        if (disabled && name == context.Viewer().Name)
        {
            return await UsersPage(context, db, Failure.Field(FailureKind.Conflict, "name", "you cannot disable yourself."), null, 409);
        }
        var result = await Users.SetDisabledAsync(db, name, disabled, context.RequestAborted);
        return result.Failure is { } failure
            ? await UsersPage(context, db, failure, null, Problems.Status(failure.Kind))
            : TypedResults.Redirect("/admin/users");
    }

    private static async Task<IResult> Journal(HttpContext context, TruceDb db)
    {
        var errors = new FieldErrors();
        var after = 0L;
        var limit = 500;
        if (context.Request.Query["after"].FirstOrDefault() is { } afterText && (!long.TryParse(afterText, out after) || after < 0))
        {
            errors.Add("after", "must be a whole number from 0.");
        }
        if (context.Request.Query["limit"].FirstOrDefault() is { } limitText && (!int.TryParse(limitText, out limit) || limit is < 1 or > 5000))
        {
            errors.Add("limit", "must be a whole number from 1 to 5000.");
        }
        if (errors.Any)
        {
            return (errors.ToFailure("The journal parameters are invalid.") with { Kind = FailureKind.Malformed }).ToProblem();
        }
        var entries = await db.Journal.AsNoTracking().Where(e => e.Seq > after).OrderBy(e => e.Seq).Take(limit).ToListAsync(context.RequestAborted);
        return TypedResults.Ok(entries);
    }
}
