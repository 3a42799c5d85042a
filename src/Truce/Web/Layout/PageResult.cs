using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Truce.Web;

internal static class PageResult
{
    /// <summary>Renders a page from its model, with the status of the model's problem (200 without one) unless told.</summary>
    public static RazorComponentResult Render<TPage>(this IPageModel<TPage> model, int? status = null) where TPage : IComponent =>
        new RazorComponentResult<TPage>(new Dictionary<string, object?> { ["Model"] = model })
        {
            StatusCode = status ?? (model.Problem is { } problem ? Problems.Status(problem.Kind) : StatusCodes.Status200OK),
        };
}
