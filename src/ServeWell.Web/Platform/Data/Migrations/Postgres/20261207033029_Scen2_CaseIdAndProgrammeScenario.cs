using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServeWell.Web.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Scen2_CaseIdAndProgrammeScenario : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SourceCaseId",
                table: "practice_scenarios");

            migrationBuilder.AddColumn<int>(
                name: "ScenarioId",
                table: "programmes",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ScenarioMinPercent",
                table: "programmes",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CaseId",
                table: "practice_scenarios",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ScenarioId",
                table: "programmes");

            migrationBuilder.DropColumn(
                name: "ScenarioMinPercent",
                table: "programmes");

            migrationBuilder.DropColumn(
                name: "CaseId",
                table: "practice_scenarios");

            migrationBuilder.AddColumn<Guid>(
                name: "SourceCaseId",
                table: "practice_scenarios",
                type: "uuid",
                nullable: true);
        }
    }
}
