using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Feedback.Intake;
using ServeWell.Web.Modules.Feedback.Touchpoints;
using ServeWell.Web.Modules.Insights.Overview;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Insights.Explore;

/// <summary>How reading a drill-down filter ended.</summary>
public enum FilterOutcome
{
    Ok,

    /// <summary>A value is not valid (<see cref="FieldProblems"/> say which).</summary>
    Invalid,

    /// <summary>The unit or employee is outside what the caller may see: answer 404.</summary>
    NotFound,

    /// <summary>The employee has fewer answers than the minimum group size in the period: no drill-down.</summary>
    Withheld,
}

/// <summary>Reads the drill-down filters of a request (service, channel, band, term, employee) into an <see cref="AnswerFilter"/>.</summary>
public sealed class AnswerFilterReader(ServeWellDbContext db, EmployeeInsights employees)
{
    public async Task<(AnswerFilter? Filter, FilterOutcome Outcome, FieldProblems Problems)> ReadAsync(
        InsightsQuery query, ClaimsPrincipal user, string? service, string? channel, string? band, string? term, string? employee,
        CancellationToken cancellationToken)
    {
        var problems = new FieldProblems();
        int? serviceId = null;
        if (!string.IsNullOrWhiteSpace(service))
        {
            serviceId = service == "none" ? 0
                : await db.PublicServices.AsNoTracking().Where(s => s.Code == service).Select(s => (int?)s.Id).FirstOrDefaultAsync(cancellationToken);
            if (serviceId is null)
            {
                problems.Add("service", $"\"{service}\" is not a service code.");
            }
        }

        FeedbackChannel? channelValue = null;
        if (!string.IsNullOrWhiteSpace(channel))
        {
            if (Enum.TryParse<FeedbackChannel>(channel, ignoreCase: true, out var c) && Enum.IsDefined(c) && !int.TryParse(channel, out _))
            {
                channelValue = c;
            }
            else
            {
                problems.Add("channel", $"\"{channel}\" is not a channel (CounterQr, Kiosk, Link, Website).");
            }
        }

        ScoreBand? bandValue = null;
        if (!string.IsNullOrWhiteSpace(band))
        {
            bandValue = InsightsAnswers.ParseBand(band);
            if (bandValue is null || int.TryParse(band, out _))
            {
                bandValue = null;
                problems.Add("band", $"\"{band}\" is not a score band (satisfied, neutral, dissatisfied).");
            }
        }

        if (!string.IsNullOrWhiteSpace(term) && InsightsAnswers.TermKey(term) is null)
        {
            problems.Add("term", $"\"{term}\" is not a word or a two-word phrase.");
        }

        if (problems.Count > 0)
        {
            return (null, FilterOutcome.Invalid, problems);
        }

        int? employeeId = null;
        if (!string.IsNullOrWhiteSpace(employee))
        {
            var person = await db.Employees.AsNoTracking().Where(e => e.EmployeeNumber == employee)
                .Select(e => new { e.Id, Path = e.OrgUnit!.Path }).FirstOrDefaultAsync(cancellationToken);
            // Per-employee answers: a supervisor for their subtree, or the employee themself; never leadership or training officers.
            var allowed = person is not null
                && ((user.IsInRole(Roles.Supervisor) && person.Path.StartsWith(query.Unit.Path, StringComparison.Ordinal))
                    || user.EmployeeId() == person.Id);
            if (!allowed)
            {
                return (null, FilterOutcome.NotFound, problems);
            }

            if (await employees.CountAsync(person!.Id, query.From, query.To, cancellationToken) < employees.Minimum)
            {
                return (null, FilterOutcome.Withheld, problems);
            }

            employeeId = person.Id;
        }

        return (new AnswerFilter(query, serviceId, channelValue, bandValue, string.IsNullOrWhiteSpace(term) ? null : term.Trim(), employeeId), FilterOutcome.Ok, problems);
    }
}
