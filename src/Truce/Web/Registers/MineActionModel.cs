using Truce.MineAction;

namespace Truce.Web;

/// <summary>What the page <see cref="MineActionPage"/> shows: every hazardous area with the devices found in it and its tasks, and the forms for the registers' writers.</summary>
public sealed record MineActionModel(
    Chrome Chrome, IReadOnlyList<HazardousArea> Areas, IReadOnlyList<DeviceFind> Finds, IReadOnlyList<ClearanceTask> Tasks, RefusedForm? Refused) : IPageModel<MineActionPage>
{
    public Failure? Problem => Refused?.Failure;
}
