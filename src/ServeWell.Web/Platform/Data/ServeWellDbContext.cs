using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Accounts;
using ServeWell.Web.Modules.Accounts.ApiKeys;
using ServeWell.Web.Modules.Feedback.Services;
using ServeWell.Web.Modules.Feedback.Intake;
using ServeWell.Web.Modules.Feedback.Kiosks;
using ServeWell.Web.Modules.Feedback.Surveys;
using ServeWell.Web.Modules.Feedback.Touchpoints;
using ServeWell.Web.Modules.Insights.Rollups;
using ServeWell.Web.Modules.People.Employees;
using ServeWell.Web.Modules.People.Grades;
using ServeWell.Web.Modules.People.OrgUnits;
using ServeWell.Web.Modules.People.RosterImport;
using ServeWell.Web.Modules.Training.Attendance;
using ServeWell.Web.Modules.Training.Competencies;
using ServeWell.Web.Modules.Training.Enrolments;
using ServeWell.Web.Modules.Training.Programmes;
using ServeWell.Web.Modules.Training.Registrations;
using ServeWell.Web.Modules.Training.Sessions;
using ServeWell.Web.Platform.Audit;
using ServeWell.Web.Platform.Mail;
using ServeWell.Web.Platform.Jobs;

namespace ServeWell.Web.Platform.Data;

/// <summary>
/// The one context. Each provider has its own subclass so that each carries its own generated
/// migrations (see ADR-002); code everywhere else depends on this base type only.
/// </summary>
public abstract class ServeWellDbContext : IdentityDbContext<StaffUser>, IDataProtectionKeyContext
{
    private readonly IAuditActor? _actor;
    private readonly TimeProvider _clock;

    protected ServeWellDbContext(DbContextOptions options, IAuditActor? actor, TimeProvider? clock)
        : base(options)
    {
        _actor = actor;
        _clock = clock ?? TimeProvider.System;
    }

    public DbSet<OrgUnit> OrgUnits => Set<OrgUnit>();
    public DbSet<OrgUnitChange> OrgUnitChanges => Set<OrgUnitChange>();
    public DbSet<GradeScale> GradeScales => Set<GradeScale>();
    public DbSet<Employee> Employees => Set<Employee>();
    public DbSet<EmployeeAssignment> EmployeeAssignments => Set<EmployeeAssignment>();
    public DbSet<RosterImportJob> RosterImportJobs => Set<RosterImportJob>();
    public DbSet<Competency> Competencies => Set<Competency>();
    public DbSet<Programme> Programmes => Set<Programme>();
    public DbSet<ProgrammeInstructor> ProgrammeInstructors => Set<ProgrammeInstructor>();
    public DbSet<TrainingSession> TrainingSessions => Set<TrainingSession>();
    public DbSet<Enrolment> Enrolments => Set<Enrolment>();
    public DbSet<EnrolmentChange> EnrolmentChanges => Set<EnrolmentChange>();
    public DbSet<SessionRegistration> SessionRegistrations => Set<SessionRegistration>();
    public DbSet<AttendanceRecord> Attendance => Set<AttendanceRecord>();
    public DbSet<PublicService> PublicServices => Set<PublicService>();
    public DbSet<ServiceOffice> ServiceOffices => Set<ServiceOffice>();
    public DbSet<Touchpoint> Touchpoints => Set<Touchpoint>();
    public DbSet<RetiredTouchpointCode> RetiredTouchpointCodes => Set<RetiredTouchpointCode>();
    public DbSet<FeedbackAnswer> FeedbackAnswers => Set<FeedbackAnswer>();
    public DbSet<FeedbackIdempotencyRecord> FeedbackIdempotency => Set<FeedbackIdempotencyRecord>();
    public DbSet<KioskDevice> KioskDevices => Set<KioskDevice>();
    public DbSet<Modules.Feedback.Duty.StaffDuty> StaffDuties => Set<Modules.Feedback.Duty.StaffDuty>();
    public DbSet<SurveyDefinition> SurveyDefinitions => Set<SurveyDefinition>();
    public DbSet<SurveyVersion> SurveyVersions => Set<SurveyVersion>();
    public DbSet<InsightsUnitServiceMonth> InsightsUnitServiceMonths => Set<InsightsUnitServiceMonth>();
    public DbSet<InsightsRollupQueueItem> InsightsRollupQueue => Set<InsightsRollupQueueItem>();
    public DbSet<InsightsUnitMonth> InsightsUnitMonths => Set<InsightsUnitMonth>();
    public DbSet<InsightsSubtreeMonth> InsightsSubtreeMonths => Set<InsightsSubtreeMonth>();
    public DbSet<Lease> Leases => Set<Lease>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<OutboxMail> OutboxMails => Set<OutboxMail>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    // Practice: the case library (issue 15, ADR-053).
    public DbSet<Modules.Practice.Cases.PracticeCase> PracticeCases => Set<Modules.Practice.Cases.PracticeCase>();
    public DbSet<Modules.Practice.Cases.PracticeCaseCompetency> PracticeCaseCompetencies => Set<Modules.Practice.Cases.PracticeCaseCompetency>();
    public DbSet<Modules.Practice.Cases.CaseOriginal> PracticeCaseOriginals => Set<Modules.Practice.Cases.CaseOriginal>();
    public DbSet<Modules.Practice.Cases.CaseTerm> PracticeCaseTerms => Set<Modules.Practice.Cases.CaseTerm>();

    // Recognition: monthly courtesy awards (issue 16, ADR-058).
    public DbSet<Modules.Recognition.Rounds.AwardScheme> AwardSchemes => Set<Modules.Recognition.Rounds.AwardScheme>();
    public DbSet<Modules.Recognition.Rounds.AwardRound> AwardRounds => Set<Modules.Recognition.Rounds.AwardRound>();
    public DbSet<Modules.Recognition.Candidates.RoundCandidate> AwardCandidates => Set<Modules.Recognition.Candidates.RoundCandidate>();
    public DbSet<Modules.Recognition.Nominations.Nomination> AwardNominations => Set<Modules.Recognition.Nominations.Nomination>();
    public DbSet<Modules.Recognition.Jury.Juror> AwardJurors => Set<Modules.Recognition.Jury.Juror>();
    public DbSet<Modules.Recognition.Jury.JuryScore> AwardScores => Set<Modules.Recognition.Jury.JuryScore>();
    public DbSet<Modules.Recognition.Awards.RoundDecision> AwardDecisions => Set<Modules.Recognition.Awards.RoundDecision>();
    public DbSet<Modules.Recognition.Awards.Award> Awards => Set<Modules.Recognition.Awards.Award>();



    // Protection: abusive encounters and what the city does about them (issue 17). Its DbSets go here.
    public DbSet<Modules.Protection.Encounters.Encounter> ProtectionEncounters => Set<Modules.Protection.Encounters.Encounter>();
    public DbSet<Modules.Protection.Encounters.ProtectionOfficer> ProtectionOfficers => Set<Modules.Protection.Encounters.ProtectionOfficer>();
    public DbSet<Modules.Protection.Evidence.EncounterEvidence> ProtectionEvidence => Set<Modules.Protection.Evidence.EncounterEvidence>();
    public DbSet<Modules.Protection.Support.SupportOffer> ProtectionSupportOffers => Set<Modules.Protection.Support.SupportOffer>();
    public DbSet<Modules.Protection.Support.LegalAction> ProtectionLegalActions => Set<Modules.Protection.Support.LegalAction>();
    public DbSet<Modules.Protection.Restrictions.Restriction> ProtectionRestrictions => Set<Modules.Protection.Restrictions.Restriction>();



    /// <summary>
    /// Bulk work (a roster import of 100,000 rows) writes one summary audit entry itself instead of
    /// one per changed row.
    /// </summary>
    public bool AuditEachChange { get; set; } = true;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ServeWellDbContext).Assembly);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RecordAudit();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RecordAudit();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void RefuseChangesToImmutableRecords()
    {
        ChangeTracker.DetectChanges();
        if (ChangeTracker.Entries().FirstOrDefault(e => e.Entity is IImmutableRecord && e.State is EntityState.Modified or EntityState.Deleted) is { } entry)
        {
            throw new InvalidOperationException($"A {entry.Metadata.ClrType.Name} is never changed or deleted once written.");
        }
    }

    /// <summary>Adds an audit entry for a change the change tracker cannot describe (role grants, key revocations…).</summary>
    public void Audit(string action, string entityType, string entityKey, object? before, object? after) =>
        AuditEntries.Add(AuditEntry.Create(_clock.GetUtcNow().UtcDateTime, _actor, action, entityType, entityKey, before, after));

    private void RecordAudit()
    {
        RefuseChangesToImmutableRecords();
        if (!AuditEachChange)
        {
            return;
        }

        ChangeTracker.DetectChanges();
        var now = _clock.GetUtcNow().UtcDateTime;
        foreach (var entry in AuditTrail.Describe(ChangeTracker))
        {
            AuditEntries.Add(AuditEntry.Create(now, _actor, entry.Action, entry.EntityType, entry.EntityKey, entry.Before, entry.After));
        }
    }
}
