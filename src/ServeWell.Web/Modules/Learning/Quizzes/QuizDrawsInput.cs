using ServeWell.Web.Modules.Learning.Bank;

namespace ServeWell.Web.Modules.Learning.Quizzes;

/// <summary>The "questions to draw from each category" fieldset, shared by the quiz editor and a programme's new check quiz.</summary>
public sealed record QuizDrawsInput(IReadOnlyList<(CategoryChoice Category, int Questions)> Categories, IReadOnlyList<DrawForm> Draws, string? Error);
