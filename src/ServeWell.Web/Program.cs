using ServeWell.Web.Modules.Accounts;
using ServeWell.Web.Modules.Admin;
using ServeWell.Web.Modules.Demo;
using ServeWell.Web.Modules.FollowUps;
using ServeWell.Web.Modules.Feedback;
using ServeWell.Web.Modules.Home;
using ServeWell.Web.Modules.Insights;
using ServeWell.Web.Modules.Learning;
using ServeWell.Web.Modules.Learning.Checks;
using ServeWell.Web.Modules.People;
using ServeWell.Web.Modules.Practice;
using ServeWell.Web.Modules.Protection;
using ServeWell.Web.Modules.Recognition;
using ServeWell.Web.Modules.Training;
using ServeWell.Web.Platform.City;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Mail;
using ServeWell.Web.Platform.Pdf;
using ServeWell.Web.Platform.Privacy;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Platform.Web;

var builder = WebApplication.CreateBuilder(args);

builder.AddServeWellCity();
builder.AddServeWellData();
builder.AddServeWellSecurity();
builder.AddServeWellLocalization();
builder.AddServeWellMail();
builder.AddServeWellPdf();
builder.AddServeWellWeb();
builder.AddServeWellPrivacy();

builder.AddPeopleModule();
builder.AddTrainingModule();
builder.AddLearningModule();
builder.AddFollowUpsModule();
builder.AddPracticeModule();
builder.AddRecognitionModule();
builder.AddProtectionModule();
builder.AddFeedbackModule();
builder.AddInsightsModule();
builder.AddAccountsModule();
builder.AddAdminModule();
builder.AddHomeModule();
builder.AddDemoModule();

var app = builder.Build();

if (args is ["migrate", ..])
{
    // `ServeWell.Web migrate`: apply migrations and stop, for deployments that switch them off at start-up.
    await DatabaseStartup.MigrateAsync(app.Services, CancellationToken.None);
    await app.ConvertKnowledgeChecksAsync(CancellationToken.None);
    return;
}

if (args is ["backup", .. var backupArgs])
{
    // `ServeWell.Web backup <file>`: a consistent copy of the SQLite database while the app runs (DatabaseBackup).
    Environment.ExitCode = await DatabaseBackup.RunAsync(app.Services, backupArgs, Console.Out, CancellationToken.None);
    return;
}

if (args is ["rebuild-insights", ..])
{
    // `ServeWell.Web rebuild-insights`: recompute every month of the Insights rollups from the answers, and stop.
    await InsightsModule.RebuildAsync(app.Services, CancellationToken.None);
    return;
}

PublicUrl.Require(app);
app.UseServeWellPipeline();
app.MapServeWellPrivacy();
app.MapPeopleModule();
app.MapTrainingModule();
app.MapLearningModule();
app.MapFollowUpsModule();
app.MapPracticeModule();
app.MapRecognitionModule();
app.MapProtectionModule();
app.MapFeedbackModule();
app.MapInsightsModule();
app.MapAccountsModule();
app.MapAdminModule();

if (DatabaseStartup.MigrateOnStartup(app.Services))
{
    await DatabaseStartup.MigrateAsync(app.Services, app.Lifetime.ApplicationStopping);
    await app.ConvertKnowledgeChecksAsync(app.Lifetime.ApplicationStopping);
}

await app.SeedCompetencyCatalogueAsync();
await app.PrepareFollowUpsAsync();
await app.SeedDemoCityAsync();
await app.RunAsync();
