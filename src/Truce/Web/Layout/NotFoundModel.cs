namespace Truce.Web;

/// <summary>What the page <see cref="NotFoundPage"/> shows; <paramref name="WhatKey"/> names the resource that says what is missing.</summary>
public sealed record NotFoundModel(Chrome Chrome, string WhatKey) : IPageModel<NotFoundPage>;
