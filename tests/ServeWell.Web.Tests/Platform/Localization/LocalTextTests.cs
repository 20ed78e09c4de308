using System.Globalization;
using System.Text.Json;
using ServeWell.Web.Platform.Localization;
using Shouldly;
using Xunit;

namespace ServeWell.Web.Tests.Platform.Localization;

public sealed class LocalTextTests
{
    [Theory]
    [InlineData("Counter 3", "3번 창구", "ko", "3번 창구", "ko")]
    [InlineData("Counter 3", "3번 창구", "en", "Counter 3", "en")]
    [InlineData("Counter 3", "", "ko", "Counter 3", "en")]
    [InlineData("", "3번 창구", "en", "3번 창구", "ko")]
    public void For_ReaderLanguage_ThenTheOther(string en, string ko, string reader, string shown, string language)
    {
        var text = new LocalText(en, ko);
        text.For(reader).ShouldBe(shown);
        text.LanguageShown(reader).ShouldBe(language);
    }

    [Fact]
    public void Json_ObjectBothWays_AndAPlainStringInTheRequestsLanguage()
    {
        JsonSerializer.Serialize(new LocalText("Room 1", "1호실")).ShouldBe("{\"en\":\"Room 1\",\"ko\":\"1\\uD638\\uC2E4\"}");
        JsonSerializer.Deserialize<LocalText>("{\"ko\":\" 1호실 \"}").ShouldBe(new LocalText("", "1호실"));
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("en");
            JsonSerializer.Deserialize<LocalText>("\"Room 1\"").ShouldBe(new LocalText("Room 1", ""));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
