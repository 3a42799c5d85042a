namespace Truce.Web;

/// <summary>What the page <see cref="Login"/> shows.</summary>
public sealed record LoginModel(Chrome Chrome, string? ReturnUrl, string? Name, bool Failed) : IPageModel<Login>;
