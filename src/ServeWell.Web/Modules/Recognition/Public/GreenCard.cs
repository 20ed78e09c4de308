using Microsoft.AspNetCore.Http.HttpResults;
using ServeWell.Web.Modules.Feedback.Posters;
using ServeWell.Web.Modules.Recognition.Nominations;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Platform.Web;

namespace ServeWell.Web.Modules.Recognition.Public;

/// <summary>
/// The printable "green card" of an office (ADR-058): Feedback's bilingual poster with its vector QR code, in the award's
/// words, opening the office's public nomination page. One PDF engine, one QR renderer.
/// </summary>
public static class GreenCard
{
    public static readonly PosterWords Words = new(
        "친절 공무원을 추천해 주세요", "Nominate a courteous employee",
        "QR 코드를 스캔해 친절했던 직원을 알려 주세요", "Scan the code to tell us who served you with courtesy");

    public static RouteGroupBuilder MapGreenCard(this RouteGroupBuilder api)
    {
        api.MapGet("/recognition/offices/{code}/green-card.pdf", RenderAsync).RequireAuthorization(Policies.Staff).WithName("AwardGreenCard")
            .WithSummary("An office's printable green card (PDF, A4 or tent): a QR code to the public nomination page, in Korean and English.");
        return api;
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> RenderAsync(
        string code, string? format, HttpRequest request, ServeWellDbContext db, TouchpointPoster posters, PublicUrl urls, CancellationToken cancellationToken)
    {
        if (await Nominate.OfficeAsync(db, code, cancellationToken) is not { } office)
        {
            return TypedResults.NotFound();
        }

        var url = urls.For(request, NominateModel.PathFor(office.Code));
        var pdf = posters.Render(new PosterContent(office.Name, office.NameEn ?? office.Name, null, null, office.Code, url, Words),
            string.Equals(format, "tent", StringComparison.OrdinalIgnoreCase) ? PosterFormat.Tent : PosterFormat.A4);
        return TypedResults.File(pdf, "application/pdf", $"green-card-{office.Code}.pdf");
    }
}
