using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Training.KnowledgeChecks;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Training.Evaluations;

/// <summary>Evaluation (level 1) and knowledge-check (level 2) results of a programme, overall or for one session.</summary>
[Authorize(Policy = Policies.ViewTrainingResults)]
public sealed class ResultsModel(ServeWellDbContext db, EvaluationResults evaluations, KnowledgeResults knowledge) : PageModel
{
    public int ProgrammeId { get; private set; }

    public string ProgrammeTitle { get; private set; } = "";

    public ProgrammeEvaluationResults Evaluations { get; private set; } = null!;

    public ProgrammeKnowledgeResults? Knowledge { get; private set; }

    /// <summary>The session chosen, or null for the whole programme.</summary>
    public SessionEvaluationResult? Selected { get; private set; }

    public bool SeesAllSessions { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int? session, CancellationToken cancellationToken)
    {
        var title = await db.Programmes.Where(p => p.Id == id).Select(p => p.Title).FirstOrDefaultAsync(cancellationToken);
        if (title is null)
        {
            return NotFound();
        }

        ProgrammeId = id;
        ProgrammeTitle = title.ToString();
        var visible = await ResultsScope.VisibleSessionsAsync(User, db, id, cancellationToken);
        SeesAllSessions = visible is null;
        Evaluations = await evaluations.ForProgrammeAsync(id, visible, cancellationToken);
        if (session is { } sessionId)
        {
            Selected = Evaluations.Sessions.FirstOrDefault(s => s.Session.Session.Id == sessionId);
            if (Selected is null)
            {
                return NotFound();
            }
        }

        Knowledge = await knowledge.ForProgrammeAsync(id, visible, session, cancellationToken);
        return Page();
    }
}
