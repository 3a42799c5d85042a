using Truce.Verification;

namespace Truce.Monitoring;

/// <summary>The filters of the observation and incident lists, from a query string or a form.</summary>
public sealed record ListFilter
{
    public Category? Category { get; init; }

    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? To { get; init; }

    public string? Party { get; init; }

    public IncidentStatus? Status { get; init; }

    /// <summary>Only the observations of one incident.</summary>
    public Guid? Incident { get; init; }

    public Paging Paging { get; init; } = Paging.Default;

    /// <summary>Reads the filters from query parameters, naming each one that is not understood.</summary>
    public static Result<ListFilter> Parse(Func<string, string?> query)
    {
        var errors = new FieldErrors();
        var filter = new ListFilter
        {
            Category = Submission.Choice<Category>(query("category"), "category", errors),
            Status = Submission.Choice<IncidentStatus>(query("status"), "status", errors),
            From = Submission.ParseInstant(query("from"), "from", errors),
            To = Submission.ParseInstant(query("to"), "to", errors),
            Party = string.IsNullOrWhiteSpace(query("party")) ? null : query("party")!.Trim(),
            Paging = Paging.Parse(query("page"), query("pageSize"), errors),
        };
        if (query("incident") is { Length: > 0 } incident)
        {
            if (Guid.TryParse(incident, out var id))
            {
                filter = filter with { Incident = id };
            }
            else
            {
                errors.Add("incident", "must be an incident id (a UUID).");
            }
        }
        if (filter.From is not null && filter.To is not null && filter.To < filter.From)
        {
            errors.Add("to", "is before from.");
        }
        return errors.Any ? errors.ToFailure("The list parameters are invalid.") with { Kind = FailureKind.Malformed } : filter;
    }
}
