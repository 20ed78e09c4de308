using ServeWell.Web.Modules.Training.MyTraining;

namespace ServeWell.Web.Tests.Modules.Training.MyTraining;

/// <summary>The next-step rule of ADR-032, first match wins.</summary>
public sealed class NextStepTests
{
    public static TheoryData<string, StepFacts, StepKind> Cases => new()
    {
        { "nothing yet, sessions open", new StepFacts { SessionsToChoose = true }, StepKind.ChooseSession },
        { "nothing yet, no sessions", new StepFacts(), StepKind.NoSessionsYet },
        { "waiting", new StepFacts { OnWaitlist = true, SessionsToChoose = true }, StepKind.Waitlisted },
        { "a place", new StepFacts { HasPlace = true, SessionsToChoose = true }, StepKind.Attend },
        { "a place, under way", new StepFacts { HasPlace = true, SessionUnderWay = true }, StepKind.CheckIn },
        { "attended, evaluation needed", new StepFacts { Attended = true, EvaluationRequired = true, KnowledgeCheckRequired = true, HasKnowledgeCheck = true }, StepKind.Evaluate },
        { "attended, evaluated, check needed", new StepFacts { Attended = true, EvaluationRequired = true, EvaluationSubmitted = true, KnowledgeCheckRequired = true, HasKnowledgeCheck = true, KnowledgeCheckTaken = true }, StepKind.TakeKnowledgeCheck },
        { "attended, optional evaluation open", new StepFacts { Attended = true, EvaluationOpen = true }, StepKind.Evaluate },
        { "attended, optional evaluation closed", new StepFacts { Attended = true }, StepKind.Completed },
        { "complete with a certificate", new StepFacts { Complete = true, Attended = true, CertificateCode = "AAAA-BBBB-CCCC", EvaluationOpen = true }, StepKind.DownloadCertificate },
        { "complete, certificate revoked", new StepFacts { Complete = true, Attended = true }, StepKind.Completed },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Of_ChoosesTheFirstStepThatApplies(string situation, StepFacts facts, StepKind expected) =>
        NextStep.Of(facts).ShouldBe(expected, situation);
}
