using Truce.Access;
using Truce.Mission;

namespace Truce.Web;

/// <summary>What the page <see cref="AdminUsers"/> shows.</summary>
public sealed record AdminUsersModel(Chrome Chrome, IReadOnlyList<User> Users, IReadOnlyList<Party> Parties, DateTimeOffset Now, Failure? Problem, (string Name, string Password)? Created) : IPageModel<AdminUsers>;
