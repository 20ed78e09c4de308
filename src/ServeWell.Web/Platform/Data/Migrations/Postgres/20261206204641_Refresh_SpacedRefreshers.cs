using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ServeWell.Web.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Refresh_SpacedRefreshers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "learn_refresher_cards",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EmployeeId = table.Column<int>(type: "integer", nullable: false),
                    CourseId = table.Column<int>(type: "integer", nullable: false),
                    QuestionId = table.Column<int>(type: "integer", nullable: false),
                    Question = table.Column<string>(type: "text", nullable: false),
                    Box = table.Column<int>(type: "integer", nullable: false),
                    HighestBox = table.Column<int>(type: "integer", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EnteredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    LeftOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_learn_refresher_cards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_learn_refresher_cards_employees_EmployeeId",
                        column: x => x.EmployeeId,
                        principalTable: "employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_learn_refresher_cards_learn_courses_CourseId",
                        column: x => x.CourseId,
                        principalTable: "learn_courses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "learn_refresher_choices",
                columns: table => new
                {
                    EmployeeId = table.Column<int>(type: "integer", nullable: false),
                    OptedOut = table.Column<bool>(type: "boolean", nullable: false),
                    ChangedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_learn_refresher_choices", x => x.EmployeeId);
                    table.ForeignKey(
                        name: "FK_learn_refresher_choices_employees_EmployeeId",
                        column: x => x.EmployeeId,
                        principalTable: "employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "learn_refresher_intakes",
                columns: table => new
                {
                    CourseAttemptId = table.Column<int>(type: "integer", nullable: false),
                    EmployeeId = table.Column<int>(type: "integer", nullable: false),
                    CourseId = table.Column<int>(type: "integer", nullable: false),
                    Missed = table.Column<int>(type: "integer", nullable: false),
                    EnteredAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_learn_refresher_intakes", x => x.CourseAttemptId);
                    table.ForeignKey(
                        name: "FK_learn_refresher_intakes_learn_course_attempts_CourseAttempt~",
                        column: x => x.CourseAttemptId,
                        principalTable: "learn_course_attempts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "learn_refresher_answers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CardId = table.Column<long>(type: "bigint", nullable: false),
                    EmployeeId = table.Column<int>(type: "integer", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AnsweredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    AnsweredAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Response = table.Column<string>(type: "text", nullable: false),
                    Fraction = table.Column<decimal>(type: "numeric(9,7)", precision: 9, scale: 7, nullable: false),
                    BoxBefore = table.Column<int>(type: "integer", nullable: false),
                    BoxAfter = table.Column<int>(type: "integer", nullable: false),
                    NextDueOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_learn_refresher_answers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_learn_refresher_answers_learn_refresher_cards_CardId",
                        column: x => x.CardId,
                        principalTable: "learn_refresher_cards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_learn_refresher_answers_CardId_AnsweredOn",
                table: "learn_refresher_answers",
                columns: new[] { "CardId", "AnsweredOn" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_learn_refresher_answers_EmployeeId_AnsweredOn",
                table: "learn_refresher_answers",
                columns: new[] { "EmployeeId", "AnsweredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_learn_refresher_answers_IdempotencyKey",
                table: "learn_refresher_answers",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_learn_refresher_cards_CourseId",
                table: "learn_refresher_cards",
                column: "CourseId");

            migrationBuilder.CreateIndex(
                name: "IX_learn_refresher_cards_EmployeeId_CourseId_QuestionId",
                table: "learn_refresher_cards",
                columns: new[] { "EmployeeId", "CourseId", "QuestionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_learn_refresher_cards_EmployeeId_DueOn",
                table: "learn_refresher_cards",
                columns: new[] { "EmployeeId", "DueOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "learn_refresher_answers");

            migrationBuilder.DropTable(
                name: "learn_refresher_choices");

            migrationBuilder.DropTable(
                name: "learn_refresher_intakes");

            migrationBuilder.DropTable(
                name: "learn_refresher_cards");
        }
    }
}
