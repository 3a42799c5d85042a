using Microsoft.AspNetCore.Components;

namespace Truce.Web;

/// <summary>
/// The one model of a page: a record the handler fills and the page of type <typeparamref name="TPage"/> renders
/// (as its <c>Model</c> parameter). Naming its page lets <see cref="PageResult.Render{TPage}"/> check the pair at compile time.
/// </summary>
internal interface IPageModel<TPage> where TPage : IComponent
{
    /// <summary>What went wrong, shown on the page; its kind sets the page's status.</summary>
    Failure? Problem => null;
}
