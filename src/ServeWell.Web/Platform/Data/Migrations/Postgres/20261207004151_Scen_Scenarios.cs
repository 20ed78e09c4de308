using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ServeWell.Web.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Scen_Scenarios : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "practice_scenarios",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Key = table.Column<Guid>(type: "uuid", nullable: false),
                    SourceCaseId = table.Column<Guid>(type: "uuid", nullable: true),
                    Draft = table.Column<string>(type: "text", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DraftUpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_practice_scenarios", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "practice_scenario_versions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ScenarioId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Content = table.Column<string>(type: "text", nullable: false),
                    NodeCount = table.Column<int>(type: "integer", nullable: false),
                    PublishedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PublishedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_practice_scenario_versions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_practice_scenario_versions_practice_scenarios_ScenarioId",
                        column: x => x.ScenarioId,
                        principalTable: "practice_scenarios",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "practice_scenario_attempts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ScenarioId = table.Column<int>(type: "integer", nullable: false),
                    ScenarioVersionId = table.Column<int>(type: "integer", nullable: false),
                    EmployeeId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CompletedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CurrentNode = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_practice_scenario_attempts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_practice_scenario_attempts_employees_EmployeeId",
                        column: x => x.EmployeeId,
                        principalTable: "employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_practice_scenario_attempts_practice_scenario_versions_Scena~",
                        column: x => x.ScenarioVersionId,
                        principalTable: "practice_scenario_versions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_practice_scenario_attempts_practice_scenarios_ScenarioId",
                        column: x => x.ScenarioId,
                        principalTable: "practice_scenarios",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "practice_scenario_moves",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AttemptId = table.Column<int>(type: "integer", nullable: false),
                    Step = table.Column<int>(type: "integer", nullable: false),
                    Node = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Choice = table.Column<int>(type: "integer", nullable: false),
                    ChosenAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_practice_scenario_moves", x => x.Id);
                    table.ForeignKey(
                        name: "FK_practice_scenario_moves_practice_scenario_attempts_AttemptId",
                        column: x => x.AttemptId,
                        principalTable: "practice_scenario_attempts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_practice_scenario_attempts_EmployeeId",
                table: "practice_scenario_attempts",
                column: "EmployeeId");

            migrationBuilder.CreateIndex(
                name: "IX_practice_scenario_attempts_ScenarioId_EmployeeId_Number",
                table: "practice_scenario_attempts",
                columns: new[] { "ScenarioId", "EmployeeId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_practice_scenario_attempts_ScenarioVersionId",
                table: "practice_scenario_attempts",
                column: "ScenarioVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_practice_scenario_moves_AttemptId_Step",
                table: "practice_scenario_moves",
                columns: new[] { "AttemptId", "Step" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_practice_scenario_versions_ScenarioId_Number",
                table: "practice_scenario_versions",
                columns: new[] { "ScenarioId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_practice_scenarios_Key",
                table: "practice_scenarios",
                column: "Key",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "practice_scenario_moves");

            migrationBuilder.DropTable(
                name: "practice_scenario_attempts");

            migrationBuilder.DropTable(
                name: "practice_scenario_versions");

            migrationBuilder.DropTable(
                name: "practice_scenarios");
        }
    }
}
