using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServeWell.Web.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Kcheck_ChecksAsQuizzes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "QuizId",
                table: "knowledge_checks",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "QuizAttemptId",
                table: "knowledge_attempts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_knowledge_checks_QuizId",
                table: "knowledge_checks",
                column: "QuizId");

            migrationBuilder.CreateIndex(
                name: "IX_knowledge_attempts_QuizAttemptId_ProgrammeId",
                table: "knowledge_attempts",
                columns: new[] { "QuizAttemptId", "ProgrammeId" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_knowledge_attempts_learn_quiz_attempts_QuizAttemptId",
                table: "knowledge_attempts",
                column: "QuizAttemptId",
                principalTable: "learn_quiz_attempts",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_knowledge_checks_learn_quizzes_QuizId",
                table: "knowledge_checks",
                column: "QuizId",
                principalTable: "learn_quizzes",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_knowledge_attempts_learn_quiz_attempts_QuizAttemptId",
                table: "knowledge_attempts");

            migrationBuilder.DropForeignKey(
                name: "FK_knowledge_checks_learn_quizzes_QuizId",
                table: "knowledge_checks");

            migrationBuilder.DropIndex(
                name: "IX_knowledge_checks_QuizId",
                table: "knowledge_checks");

            migrationBuilder.DropIndex(
                name: "IX_knowledge_attempts_QuizAttemptId_ProgrammeId",
                table: "knowledge_attempts");

            migrationBuilder.DropColumn(
                name: "QuizId",
                table: "knowledge_checks");

            migrationBuilder.DropColumn(
                name: "QuizAttemptId",
                table: "knowledge_attempts");
        }
    }
}
