using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServeWell.Web.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FeedbackAnswerExclusion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ExcludedAt",
                table: "feedback_answers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExcludedById",
                table: "feedback_answers",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExclusionNote",
                table: "feedback_answers",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExclusionReason",
                table: "feedback_answers",
                type: "TEXT",
                maxLength: 20,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ExcludedAt",
                table: "feedback_answers");

            migrationBuilder.DropColumn(
                name: "ExcludedById",
                table: "feedback_answers");

            migrationBuilder.DropColumn(
                name: "ExclusionNote",
                table: "feedback_answers");

            migrationBuilder.DropColumn(
                name: "ExclusionReason",
                table: "feedback_answers");
        }
    }
}
