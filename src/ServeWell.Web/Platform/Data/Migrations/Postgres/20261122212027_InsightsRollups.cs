using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ServeWell.Web.Platform.Data.Migrations.Postgres
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
                    Seq = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    OrgUnitId = table.Column<int>(type: "integer", nullable: false),
                    EnqueuedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_insights_rollup_queue", x => x.Seq);
                });

            migrationBuilder.CreateTable(
                name: "insights_unit_service_months",
                columns: table => new
                {
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    OrgUnitId = table.Column<int>(type: "integer", nullable: false),
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
