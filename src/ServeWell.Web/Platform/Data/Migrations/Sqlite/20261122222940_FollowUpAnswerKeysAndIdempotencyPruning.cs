using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServeWell.Web.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FollowUpAnswerKeysAndIdempotencyPruning : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_follow_up_cases_feedback_answers_AnswerId",
                table: "follow_up_cases");

            migrationBuilder.DropForeignKey(
                name: "FK_follow_up_cases_public_services_ServiceId",
                table: "follow_up_cases");

            migrationBuilder.DropForeignKey(
                name: "FK_follow_up_cases_touchpoints_TouchpointId",
                table: "follow_up_cases");

            migrationBuilder.DropIndex(
                name: "IX_follow_up_cases_ServiceId",
                table: "follow_up_cases");

            migrationBuilder.DropIndex(
                name: "IX_follow_up_cases_TouchpointId",
                table: "follow_up_cases");

            migrationBuilder.DropIndex(
                name: "IX_feedback_idempotency_CreatedAt",
                table: "feedback_idempotency");
        }
    }
}
