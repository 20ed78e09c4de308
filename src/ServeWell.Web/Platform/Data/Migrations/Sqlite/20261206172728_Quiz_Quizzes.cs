using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServeWell.Web.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Quiz_Quizzes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "QuizId",
                table: "learn_course_lessons",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "learn_quizzes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PassPercent = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxAttempts = table.Column<int>(type: "INTEGER", nullable: true),
                    TimeLimitMinutes = table.Column<int>(type: "INTEGER", nullable: true),
                    Review = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ShuffleOptions = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TitleKo = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_learn_quizzes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "learn_quiz_attempts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    QuizId = table.Column<int>(type: "INTEGER", nullable: false),
                    EmployeeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DeadlineUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SubmittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedByDeadline = table.Column<bool>(type: "INTEGER", nullable: false),
                    ScorePercent = table.Column<decimal>(type: "TEXT", precision: 7, scale: 4, nullable: true),
                    Passed = table.Column<bool>(type: "INTEGER", nullable: true),
                    PassPercent = table.Column<int>(type: "INTEGER", nullable: false),
                    Review = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OpenQuizId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_learn_quiz_attempts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_learn_quiz_attempts_employees_EmployeeId",
                        column: x => x.EmployeeId,
                        principalTable: "employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_learn_quiz_attempts_learn_quizzes_QuizId",
                        column: x => x.QuizId,
                        principalTable: "learn_quizzes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "learn_quiz_draws",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    QuizId = table.Column<int>(type: "INTEGER", nullable: false),
                    CategoryId = table.Column<int>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_learn_quiz_draws", x => x.Id);
                    table.ForeignKey(
                        name: "FK_learn_quiz_draws_learn_quizzes_QuizId",
                        column: x => x.QuizId,
                        principalTable: "learn_quizzes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_learn_quiz_draws_question_categories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "question_categories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "learn_quiz_slots",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AttemptId = table.Column<long>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    QuestionId = table.Column<int>(type: "INTEGER", nullable: true),
                    Question = table.Column<string>(type: "TEXT", nullable: false),
                    OptionOrder = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Response = table.Column<string>(type: "TEXT", nullable: true),
                    SavedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Fraction = table.Column<decimal>(type: "TEXT", precision: 9, scale: 7, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_learn_quiz_slots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_learn_quiz_slots_learn_quiz_attempts_AttemptId",
                        column: x => x.AttemptId,
                        principalTable: "learn_quiz_attempts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_learn_quiz_slots_questions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "questions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_learn_course_lessons_QuizId",
                table: "learn_course_lessons",
                column: "QuizId");

            migrationBuilder.CreateIndex(
                name: "IX_learn_quiz_attempts_DeadlineUtc",
                table: "learn_quiz_attempts",
                column: "DeadlineUtc");

            migrationBuilder.CreateIndex(
                name: "IX_learn_quiz_attempts_EmployeeId",
                table: "learn_quiz_attempts",
                column: "EmployeeId");

            migrationBuilder.CreateIndex(
                name: "IX_learn_quiz_attempts_OpenQuizId_EmployeeId",
                table: "learn_quiz_attempts",
                columns: new[] { "OpenQuizId", "EmployeeId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_learn_quiz_attempts_QuizId_EmployeeId_Number",
                table: "learn_quiz_attempts",
                columns: new[] { "QuizId", "EmployeeId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_learn_quiz_draws_CategoryId",
                table: "learn_quiz_draws",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_learn_quiz_draws_QuizId_CategoryId",
                table: "learn_quiz_draws",
                columns: new[] { "QuizId", "CategoryId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_learn_quiz_slots_AttemptId_Position",
                table: "learn_quiz_slots",
                columns: new[] { "AttemptId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_learn_quiz_slots_QuestionId",
                table: "learn_quiz_slots",
                column: "QuestionId");

            migrationBuilder.AddForeignKey(
                name: "FK_learn_course_lessons_learn_quizzes_QuizId",
                table: "learn_course_lessons",
                column: "QuizId",
                principalTable: "learn_quizzes",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_learn_course_lessons_learn_quizzes_QuizId",
                table: "learn_course_lessons");

            migrationBuilder.DropTable(
                name: "learn_quiz_draws");

            migrationBuilder.DropTable(
                name: "learn_quiz_slots");

            migrationBuilder.DropTable(
                name: "learn_quiz_attempts");

            migrationBuilder.DropTable(
                name: "learn_quizzes");

            migrationBuilder.DropIndex(
                name: "IX_learn_course_lessons_QuizId",
                table: "learn_course_lessons");

            migrationBuilder.DropColumn(
                name: "QuizId",
                table: "learn_course_lessons");
        }
    }
}
