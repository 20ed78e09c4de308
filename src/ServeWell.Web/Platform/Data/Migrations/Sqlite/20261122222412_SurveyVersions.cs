using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServeWell.Web.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SurveyVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "SurveyDefinitionId",
                table: "touchpoints",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SurveyVersionId",
                table: "feedback_answers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.CreateTable(
                name: "survey_definitions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    DraftQuestions = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DraftTexts = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_survey_definitions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "survey_versions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SurveyDefinitionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Questions = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Texts = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_survey_versions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_survey_versions_survey_definitions_SurveyDefinitionId",
                        column: x => x.SurveyDefinitionId,
                        principalTable: "survey_definitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "survey_definitions",
                columns: new[] { "Id", "CreatedAt", "DraftQuestions", "DraftTexts", "Name", "UpdatedAt" },
                values: new object[] { 1, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), "timeliness,knowledge,courtesy,fairness,outcome,resolved,comment", "{}", "Standard survey", new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc) });

            migrationBuilder.InsertData(
                table: "survey_versions",
                columns: new[] { "Id", "Number", "PublishedAt", "PublishedBy", "Questions", "SurveyDefinitionId", "Texts" },
                values: new object[] { 1, 1, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), null, "timeliness,knowledge,courtesy,fairness,outcome,resolved,comment", 1, "{}" });

            migrationBuilder.CreateIndex(
                name: "IX_touchpoints_SurveyDefinitionId",
                table: "touchpoints",
                column: "SurveyDefinitionId");

            migrationBuilder.CreateIndex(
                name: "IX_feedback_answers_SurveyVersionId",
                table: "feedback_answers",
                column: "SurveyVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_survey_definitions_Name",
                table: "survey_definitions",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_survey_versions_SurveyDefinitionId_Number",
                table: "survey_versions",
                columns: new[] { "SurveyDefinitionId", "Number" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_feedback_answers_survey_versions_SurveyVersionId",
                table: "feedback_answers",
                column: "SurveyVersionId",
                principalTable: "survey_versions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_touchpoints_survey_definitions_SurveyDefinitionId",
                table: "touchpoints",
                column: "SurveyDefinitionId",
                principalTable: "survey_definitions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_feedback_answers_survey_versions_SurveyVersionId",
                table: "feedback_answers");

            migrationBuilder.DropForeignKey(
                name: "FK_touchpoints_survey_definitions_SurveyDefinitionId",
                table: "touchpoints");

            migrationBuilder.DropTable(
                name: "survey_versions");

            migrationBuilder.DropTable(
                name: "survey_definitions");

            migrationBuilder.DropIndex(
                name: "IX_touchpoints_SurveyDefinitionId",
                table: "touchpoints");

            migrationBuilder.DropIndex(
                name: "IX_feedback_answers_SurveyVersionId",
                table: "feedback_answers");

            migrationBuilder.DropColumn(
                name: "SurveyDefinitionId",
                table: "touchpoints");

            migrationBuilder.DropColumn(
                name: "SurveyVersionId",
                table: "feedback_answers");
        }
    }
}
