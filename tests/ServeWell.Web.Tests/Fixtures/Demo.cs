using ServeWell.Web.Modules.Demo;

namespace ServeWell.Web.Tests.Fixtures;

/// <summary>What the tests know about the seeded demo city; accounts come from the app's own list.</summary>
public static class Demo
{
    public const string Password = "ServeWell-demo-1";

    public const string ApiKey = "sw_test_administrator_key_0123456789abcdef";

    public const string SupervisorCentre = DemoCity.SupervisorCentre;

    public const string City = DemoCity.RootCode;

    public static string EmailOf(string role) => DemoModule.Accounts.First(a => a.Role == role).Email;
}
