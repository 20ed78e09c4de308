using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServeWell.Web.Platform.Data.Migrations.Sqlite
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EmployeeId = table.Column<int>(type: "INTEGER", nullable: false),
                    CourseId = table.Column<int>(type: "INTEGER", nullable: false),
                    QuestionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Question = table.Column<string>(type: "TEXT", nullable: false),
                    Box = table.Column<int>(type: "INTEGER", nullable: false),
                    HighestBox = table.Column<int>(type: "INTEGER", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EnteredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LeftOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
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
                    EmployeeId = table.Column<int>(type: "INTEGER", nullable: false),
                    OptedOut = table.Column<bool>(type: "INTEGER", nullable: false),
                    ChangedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    CourseAttemptId = table.Column<int>(type: "INTEGER", nullable: false),
                    EmployeeId = table.Column<int>(type: "INTEGER", nullable: false),
                    CourseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Missed = table.Column<int>(type: "INTEGER", nullable: false),
                    EnteredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_learn_refresher_intakes", x => x.CourseAttemptId);
                    table.ForeignKey(
                        name: "FK_learn_refresher_intakes_learn_course_attempts_CourseAttemptId",
                        column: x => x.CourseAttemptId,
                        principalTable: "learn_course_attempts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "learn_refresher_answers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CardId = table.Column<long>(type: "INTEGER", nullable: false),
                    EmployeeId = table.Column<int>(type: "INTEGER", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AnsweredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AnsweredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Response = table.Column<string>(type: "TEXT", nullable: false),
                    Fraction = table.Column<decimal>(type: "TEXT", precision: 9, scale: 7, nullable: false),
                    BoxBefore = table.Column<int>(type: "INTEGER", nullable: false),
                    BoxAfter = table.Column<int>(type: "INTEGER", nullable: false),
                    NextDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
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
