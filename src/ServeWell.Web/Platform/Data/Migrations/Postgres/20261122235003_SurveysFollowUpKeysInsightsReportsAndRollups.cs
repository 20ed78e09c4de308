using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ServeWell.Web.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SurveysFollowUpKeysInsightsReportsAndRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_feedback_answers_OrgUnitId_AnsweredAt",
                table: "feedback_answers");

            migrationBuilder.AddColumn<int>(
                name: "SurveyDefinitionId",
                table: "touchpoints",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SurveyVersionId",
                table: "feedback_answers",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.CreateTable(
                name: "insights_report_deliveries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    OrgUnitId = table.Column<int>(type: "integer", nullable: false),
                    ClaimedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SentAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_insights_report_deliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_insights_report_deliveries_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "insights_report_subscriptions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_insights_report_subscriptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_insights_report_subscriptions_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "insights_subtree_months",
                columns: table => new
                {
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    ServiceKey = table.Column<int>(type: "integer", nullable: false),
                    Channel = table.Column<int>(type: "integer", nullable: false),
                    Score1 = table.Column<int>(type: "integer", nullable: false),
                    Score2 = table.Column<int>(type: "integer", nullable: false),
                    Score3 = table.Column<int>(type: "integer", nullable: false),
                    Score4 = table.Column<int>(type: "integer", nullable: false),
                    Score5 = table.Column<int>(type: "integer", nullable: false),
                    Driver1Count = table.Column<int>(type: "integer", nullable: false),
                    Driver1Sum = table.Column<long>(type: "bigint", nullable: false),
                    Driver2Count = table.Column<int>(type: "integer", nullable: false),
                    Driver2Sum = table.Column<long>(type: "bigint", nullable: false),
                    Driver3Count = table.Column<int>(type: "integer", nullable: false),
                    Driver3Sum = table.Column<long>(type: "bigint", nullable: false),
                    Driver4Count = table.Column<int>(type: "integer", nullable: false),
                    Driver4Sum = table.Column<long>(type: "bigint", nullable: false),
                    Driver5Count = table.Column<int>(type: "integer", nullable: false),
                    Driver5Sum = table.Column<long>(type: "bigint", nullable: false),
                    ResolvedYes = table.Column<int>(type: "integer", nullable: false),
                    ResolvedAnswered = table.Column<int>(type: "integer", nullable: false),
                    Commented = table.Column<int>(type: "integer", nullable: false),
                    RefreshedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_insights_subtree_months", x => new { x.UnitId, x.Month, x.ServiceKey, x.Channel });
                });

            migrationBuilder.CreateTable(
                name: "insights_unit_months",
                columns: table => new
                {
                    OrgUnitId = table.Column<int>(type: "integer", nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    Score1 = table.Column<int>(type: "integer", nullable: false),
                    Score2 = table.Column<int>(type: "integer", nullable: false),
                    Score3 = table.Column<int>(type: "integer", nullable: false),
                    Score4 = table.Column<int>(type: "integer", nullable: false),
                    Score5 = table.Column<int>(type: "integer", nullable: false),
                    RefreshedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_insights_unit_months", x => new { x.OrgUnitId, x.Month });
                });

            migrationBuilder.CreateTable(
                name: "survey_definitions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:IdentitySequenceOptions", "'100', '1', '', '', 'False', '1'")
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    DraftQuestions = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DraftTexts = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_survey_definitions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "survey_versions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:IdentitySequenceOptions", "'100', '1', '', '', 'False', '1'")
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SurveyDefinitionId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Questions = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Texts = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PublishedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
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
                name: "IX_follow_up_cases_ServiceId",
                table: "follow_up_cases",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_follow_up_cases_TouchpointId",
                table: "follow_up_cases",
                column: "TouchpointId");

            migrationBuilder.CreateIndex(
                name: "IX_feedback_idempotency_CreatedAt",
                table: "feedback_idempotency",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_feedback_answers_AnsweredAt_Id",
                table: "feedback_answers",
                columns: new[] { "AnsweredAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_feedback_answers_OrgUnitId_AnsweredAt_Id",
                table: "feedback_answers",
                columns: new[] { "OrgUnitId", "AnsweredAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_feedback_answers_SurveyVersionId",
                table: "feedback_answers",
                column: "SurveyVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_insights_report_deliveries_Month_UserId",
                table: "insights_report_deliveries",
                columns: new[] { "Month", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_insights_report_deliveries_UserId",
                table: "insights_report_deliveries",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_insights_report_subscriptions_UserId",
                table: "insights_report_subscriptions",
                column: "UserId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_insights_subtree_months_Month",
                table: "insights_subtree_months",
                column: "Month");

            migrationBuilder.CreateIndex(
                name: "IX_insights_unit_months_Month",
                table: "insights_unit_months",
                column: "Month");

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
                name: "FK_follow_up_cases_feedback_answers_AnswerId",
                table: "follow_up_cases",
                column: "AnswerId",
                principalTable: "feedback_answers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_follow_up_cases_public_services_ServiceId",
                table: "follow_up_cases",
                column: "ServiceId",
                principalTable: "public_services",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_follow_up_cases_touchpoints_TouchpointId",
                table: "follow_up_cases",
                column: "TouchpointId",
                principalTable: "touchpoints",
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
                name: "FK_follow_up_cases_feedback_answers_AnswerId",
                table: "follow_up_cases");

            migrationBuilder.DropForeignKey(
                name: "FK_follow_up_cases_public_services_ServiceId",
                table: "follow_up_cases");

            migrationBuilder.DropForeignKey(
                name: "FK_follow_up_cases_touchpoints_TouchpointId",
                table: "follow_up_cases");

            migrationBuilder.DropForeignKey(
                name: "FK_touchpoints_survey_definitions_SurveyDefinitionId",
                table: "touchpoints");

            migrationBuilder.DropTable(
                name: "insights_report_deliveries");

            migrationBuilder.DropTable(
                name: "insights_report_subscriptions");

            migrationBuilder.DropTable(
                name: "insights_subtree_months");

            migrationBuilder.DropTable(
                name: "insights_unit_months");

            migrationBuilder.DropTable(
                name: "survey_versions");

            migrationBuilder.DropTable(
                name: "survey_definitions");

            migrationBuilder.DropIndex(
                name: "IX_touchpoints_SurveyDefinitionId",
                table: "touchpoints");

            migrationBuilder.DropIndex(
                name: "IX_follow_up_cases_ServiceId",
                table: "follow_up_cases");

            migrationBuilder.DropIndex(
                name: "IX_follow_up_cases_TouchpointId",
                table: "follow_up_cases");

            migrationBuilder.DropIndex(
                name: "IX_feedback_idempotency_CreatedAt",
                table: "feedback_idempotency");

            migrationBuilder.DropIndex(
                name: "IX_feedback_answers_AnsweredAt_Id",
                table: "feedback_answers");

            migrationBuilder.DropIndex(
                name: "IX_feedback_answers_OrgUnitId_AnsweredAt_Id",
                table: "feedback_answers");

            migrationBuilder.DropIndex(
                name: "IX_feedback_answers_SurveyVersionId",
                table: "feedback_answers");

            migrationBuilder.DropColumn(
                name: "SurveyDefinitionId",
                table: "touchpoints");

            migrationBuilder.DropColumn(
                name: "SurveyVersionId",
                table: "feedback_answers");

            migrationBuilder.CreateIndex(
                name: "IX_feedback_answers_OrgUnitId_AnsweredAt",
                table: "feedback_answers",
                columns: new[] { "OrgUnitId", "AnsweredAt" });
        }
    }
}
