using System.Reflection;
using ServeWell.Web.Modules.People.OrgUnits;
using ServeWell.Web.Platform.Web;
using Shouldly;
using Xunit;

namespace ServeWell.Web.Tests.Modules.People.OrgUnits;

public sealed class OrgUnitTests
{
    private static OrgUnit Unit(int id, string code)
    {
        var unit = new OrgUnit { Code = code, Name = code };
        typeof(OrgUnit).GetProperty(nameof(OrgUnit.Id))!.SetValue(unit, id);
        return unit;
    }

    [Fact]
    public void PlaceUnder_BuildsThePathFromTheRoot()
    {
        var city = Unit(1, "CITY");
        var bureau = Unit(4, "BUREAU");
        var centre = Unit(17, "CENTRE");
        city.PlaceUnder(null);
        bureau.PlaceUnder(city);
        centre.PlaceUnder(bureau);

        centre.Path.ShouldBe("/1/4/17/");
        centre.Depth.ShouldBe(2);
    }

    [Fact]
    public void PlaceUnder_OwnDescendant_IsRefused()
    {
        var city = Unit(1, "CITY");
        var bureau = Unit(4, "BUREAU");
        city.PlaceUnder(null);
        bureau.PlaceUnder(city);

        Should.Throw<DomainRuleException>(() => city.PlaceUnder(bureau)).Message.ShouldContain("CITY");
        Should.Throw<DomainRuleException>(() => city.PlaceUnder(city));
    }

    [Fact]
    public void RebaseDescendant_FollowsTheMovedAncestor()
    {
        var team = Unit(20, "TEAM");
        var office = Unit(9, "OFFICE");
        var a = Unit(2, "A");
        var b = Unit(3, "B");
        a.PlaceUnder(null);
        b.PlaceUnder(null);
        office.PlaceUnder(a);
        team.PlaceUnder(office);

        var oldPrefix = office.Path;
        office.PlaceUnder(b);
        team.RebaseDescendant(oldPrefix, office.Path, 0);

        team.Path.ShouldBe("/3/9/20/");
    }

    [Fact]
    public void DisplayName_PrefersTheEnglishNameForEnglishReaders()
    {
        var unit = new OrgUnit { Code = "C", Name = "원효동 행정복지센터", NameEn = "Wonhyo-dong Community Service Centre" };
        unit.DisplayName(english: true).ShouldBe("Wonhyo-dong Community Service Centre");
        unit.DisplayName(english: false).ShouldBe("원효동 행정복지센터");
        new OrgUnit { Code = "D", Name = "감사실" }.DisplayName(english: true).ShouldBe("감사실");
    }
}
