using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Training;
using ServeWell.Web.Modules.Training.KnowledgeChecks;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.Demo;

/// <summary>
/// The demo programme "Considerate expressions toward complainants" is completed only with a passed knowledge check,
/// so it comes with a question set of its own.
/// </summary>
internal static class DemoKnowledgeCheck
{
    public const string ProgrammeTitle = "Considerate expressions toward complainants";

    public static async Task SeedAsync(ServeWellDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var programmeId = await db.Programmes.Where(p => p.Title.En == ProgrammeTitle).Select(p => (int?)p.Id).FirstOrDefaultAsync(cancellationToken);
        if (programmeId is null || await db.KnowledgeChecks.AnyAsync(k => k.ProgrammeId == programmeId, cancellationToken))
        {
            return;
        }

        var check = new KnowledgeCheck { ProgrammeId = programmeId.Value, PassMarkPercent = 75, UpdatedAt = now };
        (string Text, string[] Options, int Correct)[] questions =
        [
            ("A citizen says: \"I have been waiting for an hour!\" What do you say first?",
                ["\"Everyone has to wait.\"", "\"I am sorry you had to wait so long. Let me help you now.\"", "\"That is not my counter's fault.\""], 1),
            ("A request is against the rules. Which answer is considerate?",
                ["\"No, that is not allowed.\"", "\"Rule 7 says no.\"", "\"I cannot do that, but here is what we can do instead.\""], 2),
            ("On the phone, the citizen is upset and speaks fast. What helps most?",
                ["Interrupt to correct the facts", "Listen, then repeat back what you understood", "Transfer the call at once"], 1),
            ("Which word choice keeps the citizen's dignity?",
                ["\"You did it wrong.\"", "\"This part needs one more detail; let me show you.\"", "\"Read the form properly.\""], 1),
        ];
        for (var i = 0; i < questions.Length; i++)
        {
            check.Questions.Add(new KnowledgeQuestion { Text = questions[i].Text, Options = [.. questions[i].Options], CorrectOption = questions[i].Correct, Order = i });
        }

        db.KnowledgeChecks.Add(check);
        await db.SaveChangesAsync(cancellationToken);
    }
}
