using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServeWell.Web.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InsightsRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "insights_rollup_queue",
                columns: table => new
                {
                    Seq = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    EnqueuedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_insights_rollup_queue", x => x.Seq);
                });

            migrationBuilder.CreateTable(
                name: "insights_unit_service_months",
                columns: table => new
                {
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    ServiceKey = table.Column<int>(type: "INTEGER", nullable: false),
                    Channel = table.Column<int>(type: "INTEGER", nullable: false),
                    Score1 = table.Column<int>(type: "INTEGER", nullable: false),
                    Score2 = table.Column<int>(type: "INTEGER", nullable: false),
                    Score3 = table.Column<int>(type: "INTEGER", nullable: false),
                    Score4 = table.Column<int>(type: "INTEGER", nullable: false),
                    Score5 = table.Column<int>(type: "INTEGER", nullable: false),
                    Driver1Count = table.Column<int>(type: "INTEGER", nullable: false),
                    Driver1Sum = table.Column<long>(type: "INTEGER", nullable: false),
                    Driver2Count = table.Column<int>(type: "INTEGER", nullable: false),
                    Driver2Sum = table.Column<long>(type: "INTEGER", nullable: false),
                    Driver3Count = table.Column<int>(type: "INTEGER", nullable: false),
                    Driver3Sum = table.Column<long>(type: "INTEGER", nullable: false),
                    Driver4Count = table.Column<int>(type: "INTEGER", nullable: false),
                    Driver4Sum = table.Column<long>(type: "INTEGER", nullable: false),
                    Driver5Count = table.Column<int>(type: "INTEGER", nullable: false),
                    Driver5Sum = table.Column<long>(type: "INTEGER", nullable: false),
                    ResolvedYes = table.Column<int>(type: "INTEGER", nullable: false),
                    ResolvedAnswered = table.Column<int>(type: "INTEGER", nullable: false),
                    Commented = table.Column<int>(type: "INTEGER", nullable: false),
                    RefreshedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_insights_unit_service_months", x => new { x.Month, x.OrgUnitId, x.ServiceKey, x.Channel });
                });

            migrationBuilder.CreateIndex(
                name: "IX_insights_unit_service_months_OrgUnitId_Month",
                table: "insights_unit_service_months",
                columns: new[] { "OrgUnitId", "Month" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "insights_rollup_queue");

            migrationBuilder.DropTable(
                name: "insights_unit_service_months");
        }
    }
}
