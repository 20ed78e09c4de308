using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Learning.Bank;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Learning.Quizzes;

public sealed record QuizDrawDto(int CategoryId, int Count);

public sealed record QuizDto(
    int Id, LocalText Title, string Owner, int PassPercent, int? MaxAttempts, int? TimeLimitMinutes, string Review, bool ShuffleOptions,
    IReadOnlyList<QuizDrawDto> Draws, int Questions, DateTime? ArchivedAtUtc = null);

/// <summary>A quiz definition as the API takes it. review: ScoreOnly, RightOrWrong or Feedback.</summary>
public sealed record QuizRequest(
    LocalText? Title, int? PassPercent, int? MaxAttempts, int? TimeLimitMinutes, string? Review, bool? ShuffleOptions, IReadOnlyList<QuizDrawDto>? Draws);

/// <summary>
/// One answer. chosen: option ids (single choice, true/false: one; multiple choice: every one ticked; matching: per item, in
/// the items' order, the id of the answer chosen, -1 for none); text: a short answer; order: ordering, the item ids in the
/// learner's order.
/// </summary>
public sealed record QuizAnswerRequest(IReadOnlyList<int>? Chosen, string? Text, IReadOnlyList<int>? Order);

/// <summary>A learner's summary of a quiz and their attempts at it.</summary>
public sealed record MyQuizDto(int QuizId, string Title, int PassPercent, int? MaxAttempts, int? TimeLimitMinutes, long? OpenAttemptId, IReadOnlyList<MyAttemptDto> Attempts);

public sealed record MyAttemptDto(long Id, int Number, DateTime StartedAtUtc, DateTime? SubmittedAtUtc, decimal? ScorePercent, bool? Passed);

/// <summary>Quiz definitions for training officers, attempts for the signed-in learner, results within scope (ADR-044).</summary>
public static class QuizzesApi
{
    public static RouteGroupBuilder MapQuizzesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/quizzes", ListAsync).RequireAuthorization(Policies.ManageTraining).WithName("ListQuizzes")
            .WithSummary("Every quiz definition: title, pass mark, attempt and time limits, review setting and the categories it draws from; an archived quiz (removed, kept for its attempts) has archivedAtUtc and cannot be started.");
        api.MapGet("/quizzes/{id:int}", GetAsync).RequireAuthorization(Policies.ManageTraining).WithName("GetQuiz").WithSummary("One quiz definition.");
        api.MapPost("/quizzes", CreateAsync).RequireAuthorization(Policies.ManageTraining).WithName("CreateQuiz")
            .WithSummary("Adds a quiz. draws: [{categoryId, count}] (questions drawn at random from each category per attempt); 400 with every problem by field.");
        api.MapPut("/quizzes/{id:int}", UpdateAsync).RequireAuthorization(Policies.ManageTraining).WithName("UpdateQuiz")
            .WithSummary("Saves a quiz; attempts already started keep the questions they drew.");
        api.MapDelete("/quizzes/{id:int}", DeleteAsync).RequireAuthorization(Policies.ManageTraining).WithName("DeleteQuiz")
            .WithSummary("Removes a quiz no course's lesson uses (409 naming the courses otherwise): deleted when nobody attempted it, archived with its attempts and results when someone did (204 either way).");
        api.MapGet("/quizzes/{id:int}/results", ResultsAsync).RequireAuthorization(Policies.ViewCompliance).WithName("GetQuizResults")
            .WithSummary("Learners, attempts, mean score, pass rate and per-question facility and discrimination indexes (withheld below the city's minimum group size), within the reader's scope.");
        api.MapGet("/quizzes/{id:int}/mine", MineAsync).RequireAuthorization(Policies.Staff).WithName("GetMyQuiz")
            .WithSummary("The quiz for the signed-in learner: limits and their own attempts.");
        api.MapPost("/quizzes/{id:int}/attempts", StartAsync).RequireAuthorization(Policies.Staff).WithName("StartQuizAttempt")
            .WithSummary("Starts an attempt (201), or answers the learner's open attempt again (200) so a closed tab resumes; 409 past the attempt limit.");
        api.MapGet("/quizzes/attempts/{attemptId:long}", AttemptAsync).RequireAuthorization(Policies.Staff).WithName("GetQuizAttempt")
            .WithSummary("The learner's own attempt: questions in this attempt's order, answers saved, and after submission what the review setting shows.");
        api.MapPut("/quizzes/attempts/{attemptId:long}/answers/{position:int}", AnswerAsync).RequireAuthorization(Policies.Staff).WithName("SaveQuizAnswer")
            .WithSummary("Saves one answer, replacing the one before (idempotent). 409 when submitted; 410 after the time limit (plus 30 s grace), the attempt then graded with what was saved; 422 when the answer does not fit.");
        api.MapPost("/quizzes/attempts/{attemptId:long}/submit", SubmitAsync).RequireAuthorization(Policies.Staff).WithName("SubmitQuizAttempt")
            .WithSummary("Submits and grades the attempt on the server; again, the same result.");
        return api;
    }

    private static async Task<Ok<List<QuizDto>>> ListAsync(ServeWellDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok((await db.Quizzes.AsNoTracking().Include(q => q.Draws).OrderBy(q => q.Id).ToListAsync(cancellationToken)).Select(Dto).ToList());

    private static async Task<Results<Ok<QuizDto>, NotFound>> GetAsync(int id, EditQuiz edit, CancellationToken cancellationToken) =>
        await edit.LoadAsync(id, cancellationToken) is { } quiz ? TypedResults.Ok(Dto(quiz)) : TypedResults.NotFound();

    private static async Task<Results<Created<QuizDto>, ValidationProblem>> CreateAsync(QuizRequest request, EditQuiz edit, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var (quiz, problems) = await edit.SaveAsync(null, Form(request), user.Identity?.Name ?? "api", cancellationToken);
        return quiz is null ? Invalid(problems) : TypedResults.Created($"/api/v1/quizzes/{quiz.Id}", Dto(quiz));
    }

    private static async Task<Results<Ok<QuizDto>, NotFound, ValidationProblem>> UpdateAsync(
        int id, QuizRequest request, EditQuiz edit, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await edit.LoadAsync(id, cancellationToken) is not { } existing)
        {
            return TypedResults.NotFound();
        }

        var (quiz, problems) = await edit.SaveAsync(existing, Form(request), user.Identity?.Name ?? "api", cancellationToken);
        return quiz is null ? Invalid(problems) : TypedResults.Ok(Dto(quiz));
    }

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> DeleteAsync(int id, EditQuiz edit, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await edit.LoadAsync(id, cancellationToken) is not { ArchivedAtUtc: null } quiz)
        {
            return TypedResults.NotFound();
        }

        var removal = await edit.RemoveAsync(quiz, user.Identity?.Name ?? "api", cancellationToken);
        return removal.Outcome == EditQuiz.RemoveOutcome.InUse
            ? TypedResults.Problem($"A lesson of these courses is this quiz: {string.Join(", ", removal.UsedBy)}. Change the lessons and publish first.", statusCode: 409, title: "Quiz in use")
            : TypedResults.NoContent();
    }

    private static async Task<Results<Ok<QuizResultSummary>, NotFound>> ResultsAsync(int id, QuizResults results, StaffScope scope, CancellationToken cancellationToken) =>
        await results.ReadAsync(id, await scope.GetAsync(cancellationToken), cancellationToken) is { } summary ? TypedResults.Ok(summary) : TypedResults.NotFound();

    private static async Task<Results<Ok<MyQuizDto>, NotFound, ProblemHttpResult>> MineAsync(
        int id, ClaimsPrincipal user, ServeWellDbContext db, TakeQuiz take, QuizAccess access, CancellationToken cancellationToken)
    {
        if (user.EmployeeId() is not { } employee)
        {
            return NotLinked();
        }

        if (!await access.CanTakeAsync(employee, id, cancellationToken))
        {
            return NoSuchQuiz(id);
        }

        return await MyQuiz.ReadAsync(db, take, id, employee, cancellationToken) is { } mine ? TypedResults.Ok(mine) : NoSuchQuiz(id);
    }

    private static async Task<Results<Created<AttemptView>, Ok<AttemptView>, NotFound, ProblemHttpResult>> StartAsync(
        int id, ClaimsPrincipal user, TakeQuiz take, QuizAccess access, ServeWellDbContext db, CancellationToken cancellationToken)
    {
        if (user.EmployeeId() is not { } employee)
        {
            return NotLinked();
        }

        if (!await access.CanTakeAsync(employee, id, cancellationToken))
        {
            return NoSuchQuiz(id);
        }

        var result = await take.StartAsync(id, employee, cancellationToken);
        return result.Outcome switch
        {
            StartOutcome.Started => TypedResults.Created($"/api/v1/quizzes/attempts/{result.Attempt!.Id}", await ViewAsync(db, result.Attempt, cancellationToken)),
            StartOutcome.Resumed => TypedResults.Ok(await ViewAsync(db, result.Attempt!, cancellationToken)),
            StartOutcome.LimitReached => TypedResults.Problem(
                $"You have used all {result.Limit} attempts at this quiz.", statusCode: 409, title: "Attempt limit reached"),
            StartOutcome.NoQuestions => TypedResults.Problem("The quiz's categories hold no questions now.", statusCode: 409, title: "No questions"),
            _ => TypedResults.NotFound(),
        };
    }

    private static async Task<Results<Ok<AttemptView>, NotFound, ProblemHttpResult>> AttemptAsync(
        long attemptId, ClaimsPrincipal user, TakeQuiz take, ServeWellDbContext db, CancellationToken cancellationToken)
    {
        if (user.EmployeeId() is not { } employee)
        {
            return NotLinked();
        }

        return await take.ReadAsync(attemptId, employee, cancellationToken) is { } attempt ? TypedResults.Ok(await ViewAsync(db, attempt, cancellationToken)) : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<SlotView>, NotFound, ProblemHttpResult>> AnswerAsync(
        long attemptId, int position, QuizAnswerRequest request, ClaimsPrincipal user, TakeQuiz take, ServeWellDbContext db, CancellationToken cancellationToken)
    {
        if (user.EmployeeId() is not { } employee)
        {
            return NotLinked();
        }

        var result = await take.AnswerAsync(attemptId, employee, position, new QuestionResponse(request.Chosen ?? [], request.Text, request.Order), cancellationToken);
        switch (result.Outcome)
        {
            case AnswerOutcome.Saved:
                var attempt = (await take.ReadAsync(attemptId, employee, cancellationToken))!;
                return TypedResults.Ok((await ViewAsync(db, attempt, cancellationToken)).Questions.First(q => q.Position == position));
            case AnswerOutcome.Closed:
                return TypedResults.Problem("The attempt has been submitted; answers can no longer change.", statusCode: 409, title: "Attempt submitted");
            case AnswerOutcome.TooLate:
                return TypedResults.Problem("The time limit has passed; the attempt was graded with the answers saved before it.", statusCode: 410, title: "Time is up");
            case AnswerOutcome.Invalid:
                return TypedResults.Problem($"Question {position}: {result.Problem}", statusCode: 422, title: "Answer does not fit the question");
            default:
                return TypedResults.NotFound();
        }
    }

    private static async Task<Results<Ok<AttemptView>, NotFound, ProblemHttpResult>> SubmitAsync(
        long attemptId, ClaimsPrincipal user, TakeQuiz take, ServeWellDbContext db, CancellationToken cancellationToken)
    {
        if (user.EmployeeId() is not { } employee)
        {
            return NotLinked();
        }

        return await take.SubmitAsync(attemptId, employee, cancellationToken) is { } attempt ? TypedResults.Ok(await ViewAsync(db, attempt, cancellationToken)) : TypedResults.NotFound();
    }

    public static async Task<AttemptView> ViewAsync(ServeWellDbContext db, QuizAttempt attempt, CancellationToken cancellationToken)
    {
        var title = await db.Quizzes.Where(q => q.Id == attempt.QuizId).Select(q => q.Title).FirstAsync(cancellationToken);
        return AttemptView.Of(attempt, title.ToString(), CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);
    }

    private static QuizForm Form(QuizRequest r) => new()
    {
        Title = LocalTextForm.From(r.Title), PassPercent = r.PassPercent, MaxAttempts = r.MaxAttempts, TimeLimitMinutes = r.TimeLimitMinutes,
        Review = r.Review is null ? QuizReview.RightOrWrong : Enum.TryParse<QuizReview>(r.Review, ignoreCase: true, out var review) && Enum.IsDefined(review) && !int.TryParse(r.Review, out _) ? review : (QuizReview)(-1),
        ShuffleOptions = r.ShuffleOptions ?? true,
        Draws = [.. (r.Draws ?? []).Select(d => new DrawForm { CategoryId = d.CategoryId, Count = d.Count })],
    };

    private static QuizDto Dto(Quiz q) => new(
        q.Id, q.Title, q.Owner, q.PassPercent, q.MaxAttempts, q.TimeLimitMinutes, q.Review.ToString(), q.ShuffleOptions,
        [.. q.Draws.OrderBy(d => d.Id).Select(d => new QuizDrawDto(d.CategoryId, d.Count))], q.Draws.Sum(d => d.Count), q.ArchivedAtUtc);

    private static ValidationProblem Invalid(IReadOnlyList<EditQuiz.Problem> problems) =>
        TypedResults.ValidationProblem(problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()));

    /// <summary>The same answer for a quiz that does not exist and one that is not the learner's to take (ADR-049).</summary>
    private static ProblemHttpResult NoSuchQuiz(int id) =>
        TypedResults.Problem($"Quiz {id} is not a quiz of a course you are enrolled in.", statusCode: 404, title: "Quiz not found");

    private static ProblemHttpResult NotLinked() =>
        TypedResults.Problem("Your account is not linked to an employee record, so it takes no quizzes.", statusCode: 403, title: "No employee record");
}

/// <summary>A learner's quiz and attempts (page and API).</summary>
public static class MyQuiz
{
    public static async Task<MyQuizDto?> ReadAsync(ServeWellDbContext db, TakeQuiz take, int quizId, int employeeId, CancellationToken cancellationToken)
    {
        var quiz = await db.Quizzes.AsNoTracking().FirstOrDefaultAsync(q => q.Id == quizId, cancellationToken);
        if (quiz is null)
        {
            return null;
        }

        var ids = await db.QuizAttempts.Where(a => a.QuizId == quizId && a.EmployeeId == employeeId && a.SubmittedAtUtc == null).Select(a => a.Id).ToListAsync(cancellationToken);
        foreach (var id in ids)
        {
            await take.ReadAsync(id, employeeId, cancellationToken); // closes it when its time ran out
        }

        var attempts = await db.QuizAttempts.AsNoTracking().Where(a => a.QuizId == quizId && a.EmployeeId == employeeId).OrderBy(a => a.Number)
            .Select(a => new MyAttemptDto(a.Id, a.Number, a.StartedAtUtc, a.SubmittedAtUtc, a.ScorePercent, a.Passed)).ToListAsync(cancellationToken);
        return new MyQuizDto(quiz.Id, quiz.Title.ToString(), quiz.PassPercent, quiz.MaxAttempts, quiz.TimeLimitMinutes,
            attempts.FirstOrDefault(a => a.SubmittedAtUtc is null)?.Id, attempts);
    }
}
