namespace Truce.Web;

/// <summary>What the page <see cref="NotFoundPage"/> shows.</summary>
public sealed record NotFoundModel(Chrome Chrome, string What) : IPageModel<NotFoundPage>;
