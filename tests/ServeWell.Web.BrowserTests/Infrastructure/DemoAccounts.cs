namespace ServeWell.Web.BrowserTests.Infrastructure;

/// <summary>The accounts the demo city (Hanbit City) is seeded with in Development.</summary>
public static class DemoAccounts
{
    public const string Password = "ServeWell-demo-1";

    public const string Administrator = "admin@servewell.demo";
    public const string TrainingOfficer = "training@servewell.demo";
    public const string Instructor = "instructor@servewell.demo";
    public const string Supervisor = "supervisor@servewell.demo";
    public const string Leader = "leader@servewell.demo";
    public const string Employee = "employee@servewell.demo";

    /// <summary>The community centre the demo supervisor (and employee) work at.</summary>
    public const string SupervisorCentreCode = "C-WONHYO";
    public const string SupervisorCentreName = "Wonhyo-dong Community Service Centre";
}
