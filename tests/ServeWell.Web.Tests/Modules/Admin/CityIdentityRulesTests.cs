using Microsoft.Extensions.Localization;
using ServeWell.Web.Platform.City.Identity;
using ServeWell.Web.Platform.Localization;
using SkiaSharp;

namespace ServeWell.Web.Tests.Modules.Admin;

public sealed class CityIdentityRulesTests
{
    private static readonly IStringLocalizer L = EnglishOnly.Instance;

    [Fact]
    public void Palette_EveryShadeUnderWhiteText_PassesFourAndAHalfToOne()
    {
        foreach (var colour in CityColours.All)
        {
            foreach (var shade in colour.TextShades)
            {
                CityColours.Contrast(shade, "#ffffff").ShouldBeGreaterThanOrEqualTo(4.5, $"{colour.Key} {shade}");
            }
        }

        CityColours.Contrast("#000000", "#ffffff").ShouldBe(21, 0.001);
    }

    [Fact]
    public void Read_APng_IsWrittenOutAgainAsAPng()
    {
        var (image, error) = CityIdentityRules.Read(CityImage.Seal, "seal.png", CityIdentityTests.Png(64, 48, SKColors.Navy), L);

        error.ShouldBeNull();
        image.ShouldNotBeNull();
        (image.Width, image.Height, image.Kind).ShouldBe((64, 48, CityImage.Seal));
        SKBitmap.Decode(image.Png).ShouldNotBeNull();
    }

    [Theory]
    [InlineData("crest.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>", "“crest.svg” is an SVG drawing")]
    [InlineData("crest.png", "\uFEFF <svg></svg>", "“crest.png” is an SVG drawing")]
    [InlineData("crest.jpg", "\u00FF\u00D8\u00FF\u00E0 not a png", "“crest.jpg” is not a PNG image")]
    public void Read_SomethingElse_IsRefusedNamingTheFileAndWhy(string fileName, string content, string expected)
    {
        var (image, error) = CityIdentityRules.Read(CityImage.Logo, fileName, System.Text.Encoding.UTF8.GetBytes(content), L);

        image.ShouldBeNull();
        error.ShouldNotBeNull();
        error.ShouldStartWith(expected);
    }

    [Fact]
    public void Read_TooSmallTooLargeOrDamaged_IsRefused()
    {
        CityIdentityRules.Read(CityImage.Logo, "dot.png", CityIdentityTests.Png(8, 8, SKColors.Red), L).Error
            .ShouldBe("“dot.png” is 8 × 8 pixels; upload an image between 32 and 2000 pixels on each side.");
        CityIdentityRules.Read(CityImage.Logo, "big.png", new byte[CityIdentityRules.MaxBytes + 1], L).Error
            .ShouldBe("“big.png” is 513 KB; upload a PNG of at most 512 KB.");
        byte[] truncated = [.. CityIdentityTests.Png(64, 64, SKColors.Red).Take(40)];
        CityIdentityRules.Read(CityImage.Logo, "cut.png", truncated, L).Error.ShouldBe("“cut.png” could not be read as an image; it may be damaged.");
    }
}
