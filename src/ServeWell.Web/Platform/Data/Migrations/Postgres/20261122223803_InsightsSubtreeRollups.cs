using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServeWell.Web.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InsightsSubtreeRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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

            migrationBuilder.CreateIndex(
                name: "IX_insights_subtree_months_Month",
                table: "insights_subtree_months",
                column: "Month");

            migrationBuilder.CreateIndex(
                name: "IX_insights_unit_months_Month",
                table: "insights_unit_months",
                column: "Month");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "insights_subtree_months");

            migrationBuilder.DropTable(
                name: "insights_unit_months");
        }
    }
}
