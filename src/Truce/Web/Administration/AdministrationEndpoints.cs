using Microsoft.AspNetCore.Http.HttpResults;
using Truce.Access;
using Truce.Storage;

namespace Truce.Web;

/// <summary>Administration: the users of the mission (add, list, disable, enable).</summary>
internal static class AdministrationEndpoints
{
    public static void MapAdministration(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/admin").ExcludeFromDescription().Allow(AccessRule.For(Operation.ManageUsers));
        admin.MapGet("/users", (Chrome chrome, TruceDb db, CancellationToken cancellationToken) => UsersPage(chrome, db, null, null, cancellationToken));
        admin.MapPost("/users", AddUser);
        admin.MapPost("/users/{name}/disable", SetDisabled(true));
        admin.MapPost("/users/{name}/enable", SetDisabled(false));
    }

    private static async Task<RazorComponentResult> UsersPage(Chrome chrome, TruceDb db, Failure? problem, (string, string)? created, CancellationToken cancellationToken) =>
        new AdminUsersModel(chrome, await Users.ListAsync(db, cancellationToken), await MissionEndpoints.PartiesAsync(db, cancellationToken),
            db.Clock.GetUtcNow(), problem, created).Render();

    private static async Task<RazorComponentResult> AddUser(IFormCollection form, Chrome chrome, TruceDb db, CancellationToken cancellationToken)
    {
        var role = Slug.TryParse<Role>(form["role"], out var parsed) ? parsed : Role.Public;
        var password = Users.NewPassword();
        var party = string.IsNullOrWhiteSpace(form["party"]) ? null : form["party"].ToString();
        var added = await Users.AddAsync(db, form["name"].ToString(), role, party, password, form["organisation"], cancellationToken);
        return added.Failure is { } failure
            ? await UsersPage(chrome, db, failure, null, cancellationToken)
            : await UsersPage(chrome, db, null, (added.Value!.Name, password), cancellationToken);
    }

    /// <summary>The form is bound (and unused) so that the antiforgery check applies.</summary>
    private static Func<string, IFormCollection, Chrome, TruceDb, CancellationToken, Task<IResult>> SetDisabled(bool disabled) =>
        async (name, form, chrome, db, cancellationToken) =>
        {
            if (disabled && name == chrome.Viewer.Name)
            {
                return await UsersPage(chrome, db, Failure.Field(FailureKind.Conflict, "name", $"you cannot disable yourself."), null, cancellationToken);
            }
            var result = await Users.SetDisabledAsync(db, name, disabled, cancellationToken);
            return result.Failure is { } failure
                ? await UsersPage(chrome, db, failure, null, cancellationToken)
                : TypedResults.Redirect("/admin/users");
        };
}
