using System.Globalization;
using Truce.Gazetteer;
using Truce.Lists;

namespace Truce.Web;

/// <summary>What the page <see cref="PlaceSearch"/> shows: the query, and its page of places when there was one.</summary>
public sealed record PlaceSearchModel(Chrome Chrome, string? Query, Page<PlaceHit>? Page, Func<int, string> Link, Failure? Problem, CultureInfo Culture)
    : IPageModel<PlaceSearch>;
