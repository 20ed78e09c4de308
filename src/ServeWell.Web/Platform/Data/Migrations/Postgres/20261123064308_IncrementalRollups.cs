using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServeWell.Web.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class IncrementalRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Channel",
                table: "insights_rollup_queue",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Commented",
                table: "insights_rollup_queue",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "Delta",
                table: "insights_rollup_queue",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "Driver1Count",
                table: "insights_rollup_queue",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "Driver1Sum",
                table: "insights_rollup_queue",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "Driver2Count",
                table: "insights_rollup_queue",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "Driver2Sum",
                table: "insights_rollup_queue",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "Driver3Count",
                table: "insights_rollup_queue",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "Driver3Sum",
                table: "insights_rollup_queue",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "Driver4Count",
                table: "insights_rollup_queue",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "Driver4Sum",
                table: "insights_rollup_queue",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "Driver5Count",
                table: "insights_rollup_queue",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "Driver5Sum",
                table: "insights_rollup_queue",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "ResolvedAnswered",
                table: "insights_rollup_queue",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ResolvedYes",
                table: "insights_rollup_queue",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Score1",
                table: "insights_rollup_queue",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Score2",
                table: "insights_rollup_queue",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Score3",
                table: "insights_rollup_queue",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Score4",
                table: "insights_rollup_queue",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Score5",
                table: "insights_rollup_queue",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ServiceKey",
                table: "insights_rollup_queue",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Channel",
                table: "insights_rollup_queue");

            migrationBuilder.DropColumn(
                name: "Commented",
                table: "insights_rollup_queue");

            migrationBuilder.DropColumn(
                name: "Delta",
                table: "insights_rollup_queue");

            migrationBuilder.DropColumn(
                name: "Driver1Count",
                table: "insights_rollup_queue");

            migrationBuilder.DropColumn(
                name: "Driver1Sum",
                table: "insights_rollup_queue");

            migrationBuilder.DropColumn(
                name: "Driver2Count",
                table: "insights_rollup_queue");

            migrationBuilder.DropColumn(
                name: "Driver2Sum",
                table: "insights_rollup_queue");

            migrationBuilder.DropColumn(
                name: "Driver3Count",
                table: "insights_rollup_queue");

            migrationBuilder.DropColumn(
                name: "Driver3Sum",
                table: "insights_rollup_queue");

            migrationBuilder.DropColumn(
                name: "Driver4Count",
                table: "insights_rollup_queue");

            migrationBuilder.DropColumn(
                name: "Driver4Sum",
                table: "insights_rollup_queue");

            migrationBuilder.DropColumn(
                name: "Driver5Count",
                table: "insights_rollup_queue");

            migrationBuilder.DropColumn(
                name: "Driver5Sum",
                table: "insights_rollup_queue");

            migrationBuilder.DropColumn(
                name: "ResolvedAnswered",
                table: "insights_rollup_queue");

            migrationBuilder.DropColumn(
                name: "ResolvedYes",
                table: "insights_rollup_queue");

            migrationBuilder.DropColumn(
                name: "Score1",
                table: "insights_rollup_queue");

            migrationBuilder.DropColumn(
                name: "Score2",
                table: "insights_rollup_queue");

            migrationBuilder.DropColumn(
                name: "Score3",
                table: "insights_rollup_queue");

            migrationBuilder.DropColumn(
                name: "Score4",
                table: "insights_rollup_queue");

            migrationBuilder.DropColumn(
                name: "Score5",
                table: "insights_rollup_queue");

            migrationBuilder.DropColumn(
                name: "ServiceKey",
                table: "insights_rollup_queue");
        }
    }
}
