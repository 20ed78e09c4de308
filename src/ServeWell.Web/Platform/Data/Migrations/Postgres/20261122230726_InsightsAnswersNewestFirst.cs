using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServeWell.Web.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InsightsAnswersNewestFirst : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_feedback_answers_OrgUnitId_AnsweredAt",
                table: "feedback_answers");

            migrationBuilder.CreateIndex(
                name: "IX_feedback_answers_AnsweredAt_Id",
                table: "feedback_answers",
                columns: new[] { "AnsweredAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_feedback_answers_OrgUnitId_AnsweredAt_Id",
                table: "feedback_answers",
                columns: new[] { "OrgUnitId", "AnsweredAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_feedback_answers_AnsweredAt_Id",
                table: "feedback_answers");

            migrationBuilder.DropIndex(
                name: "IX_feedback_answers_OrgUnitId_AnsweredAt_Id",
                table: "feedback_answers");

            migrationBuilder.CreateIndex(
                name: "IX_feedback_answers_OrgUnitId_AnsweredAt",
                table: "feedback_answers",
                columns: new[] { "OrgUnitId", "AnsweredAt" });
        }
    }
}
