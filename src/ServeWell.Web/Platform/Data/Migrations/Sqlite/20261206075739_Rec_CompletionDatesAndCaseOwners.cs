using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServeWell.Web.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Rec_CompletionDatesAndCaseOwners : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "OwnedByFallback",
                table: "follow_up_cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "CompletedAtUtc",
                table: "completions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "follow_up_settings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnerFallback = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_follow_up_settings", x => x.Id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "follow_up_settings");

            migrationBuilder.DropColumn(
                name: "OwnedByFallback",
                table: "follow_up_cases");

            migrationBuilder.DropColumn(
                name: "CompletedAtUtc",
                table: "completions");
        }
    }
}
