using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ServeWell.Web.Platform.Localization;
using Shouldly;
using Xunit;

namespace ServeWell.Web.Tests.Platform.Localization;

public sealed class KoreanParticlesTests
{
    [Theory]
    [InlineData("민원실 센터을(를) 방문", "민원실 센터를 방문")]
    [InlineData("행정복지센터을(를) 방문", "행정복지센터를 방문")]
    [InlineData("구청 사무소을(를) 방문", "구청 사무소를 방문")]
    [InlineData("민원실을(를) 방문", "민원실을 방문")]
    [InlineData("“대기 시간”은(는) 목록", "“대기 시간”은 목록")]
    [InlineData("“직원 태도”은(는) 목록", "“직원 태도”는 목록")]
    [InlineData("김민준이(가) 등록", "김민준이 등록")]
    [InlineData("이서연이(가) 등록", "이서연이 등록")]
    [InlineData("박지우이(가) 등록", "박지우가 등록")]
    [InlineData("서울(으)로 제외", "서울로 제외")]
    [InlineData("중복(으)로 제외", "중복으로 제외")]
    [InlineData("스팸(으)로 제외", "스팸으로 제외")]
    [InlineData("기타(으)로 제외", "기타로 제외")]
    [InlineData("2026-06과(와) 비교", "2026-06과 비교")]
    [InlineData("2026-05과(와) 비교", "2026-05와 비교")]
    public void Resolve_PicksTheFormTheWordBeforeTakes(string text, string expected) =>
        KoreanParticles.Resolve(text).ShouldBe(expected);

    [Theory]
    [InlineData("1", "을(를)", "을")]
    [InlineData("2", "을(를)", "를")]
    [InlineData("3", "은(는)", "은")]
    [InlineData("10", "이(가)", "이")]
    [InlineData("7", "(으)로", "로")]
    [InlineData("6", "(으)로", "으로")]
    [InlineData("PDF", "을(를)", "를")]
    [InlineData("URL", "을(를)", "을")]
    [InlineData("URL", "(으)로", "로")]
    [InlineData("CSV", "은(는)", "는")]
    [InlineData("XLSX", "은(는)", "는")]
    [InlineData("Counter", "을(를)", "를")]
    [InlineData("Email", "(으)로", "로")]
    [InlineData("Team", "이(가)", "이")]
    public void For_ReadsDigitsAndLatinAsTheyAreSpoken(string word, string neutral, string expected) =>
        KoreanParticles.For(word, neutral).ShouldBe(expected);

    [Theory]
    [InlineData("“#”은(는) 코드가 아닙니다.")]
    [InlineData("은(는) 비어 있음")]
    public void Resolve_WhenTheWordCannotBeRead_KeepsTheNeutralPair(string text) =>
        KoreanParticles.Resolve(text).ShouldBe(text);

    [Fact]
    public void Resolve_LeavesOrdinaryBracketsAlone() =>
        KoreanParticles.Resolve("모은 답변을(오프라인이었던 동안의 답변도) 보냅니다").ShouldBe("모은 답변을(오프라인이었던 동안의 답변도) 보냅니다");

    [Fact]
    public void Localizer_ResolvesParticlesInTheFormattedKoreanText()
    {
        var factory = new ParticleLocalizerFactory(new ResourceManagerStringLocalizerFactory(
            Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));
        var l = factory.Create(typeof(SharedResource));
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("ko");
            var text = l["Thank you for telling us about your visit to {0} on {1}.", "민원센터", "6월 3일"].Value;
            text.ShouldContain("민원센터를 방문");
            text.ShouldNotContain("(를)");
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
