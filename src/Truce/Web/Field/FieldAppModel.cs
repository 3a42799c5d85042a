namespace Truce.Web;

/// <summary>What the field app's shell shows: nothing of any record, only the frame and the words; the data comes from the API.</summary>
public sealed record FieldAppModel(Chrome Chrome) : IPageModel<FieldApp>;
