namespace Truce.Web;

/// <summary>What the page <see cref="ErrorPage"/> shows: the status a browser's request ended with.</summary>
public sealed record ErrorPageModel(Chrome Chrome, int Status) : IPageModel<ErrorPage>;
