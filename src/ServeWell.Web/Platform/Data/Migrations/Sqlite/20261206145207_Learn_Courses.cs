using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServeWell.Web.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Learn_Courses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "learn_courses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProgrammeId = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DraftUpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_learn_courses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_learn_courses_programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "self_study_completions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProgrammeId = table.Column<int>(type: "INTEGER", nullable: false),
                    EmployeeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Cycle = table.Column<int>(type: "INTEGER", nullable: false),
                    CompletedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_self_study_completions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_self_study_completions_employees_EmployeeId",
                        column: x => x.EmployeeId,
                        principalTable: "employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_self_study_completions_programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "learn_course_sections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CourseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TitleKo = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_learn_course_sections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_learn_course_sections_learn_courses_CourseId",
                        column: x => x.CourseId,
                        principalTable: "learn_courses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "learn_course_versions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CourseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false),
                    LessonCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    PublishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_learn_course_versions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_learn_course_versions_learn_courses_CourseId",
                        column: x => x.CourseId,
                        principalTable: "learn_courses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "learn_course_lessons",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SectionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    VideoUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    ScormPackageId = table.Column<int>(type: "INTEGER", nullable: true),
                    BodyEn = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    BodyKo = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TitleKo = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_learn_course_lessons", x => x.Id);
                    table.ForeignKey(
                        name: "FK_learn_course_lessons_learn_course_sections_SectionId",
                        column: x => x.SectionId,
                        principalTable: "learn_course_sections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "learn_course_attempts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CourseId = table.Column<int>(type: "INTEGER", nullable: false),
                    CourseVersionId = table.Column<int>(type: "INTEGER", nullable: false),
                    EmployeeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Cycle = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CompletedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastLessonKey = table.Column<int>(type: "INTEGER", nullable: true),
                    LastOpenedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_learn_course_attempts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_learn_course_attempts_employees_EmployeeId",
                        column: x => x.EmployeeId,
                        principalTable: "employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_learn_course_attempts_learn_course_versions_CourseVersionId",
                        column: x => x.CourseVersionId,
                        principalTable: "learn_course_versions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_learn_course_attempts_learn_courses_CourseId",
                        column: x => x.CourseId,
                        principalTable: "learn_courses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "learn_lesson_steps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AttemptId = table.Column<int>(type: "INTEGER", nullable: false),
                    LessonKey = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstOpenedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DoneAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SecondsSpent = table.Column<int>(type: "INTEGER", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_learn_lesson_steps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_learn_lesson_steps_learn_course_attempts_AttemptId",
                        column: x => x.AttemptId,
                        principalTable: "learn_course_attempts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_learn_course_attempts_CourseId_EmployeeId_Cycle",
                table: "learn_course_attempts",
                columns: new[] { "CourseId", "EmployeeId", "Cycle" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_learn_course_attempts_CourseVersionId",
                table: "learn_course_attempts",
                column: "CourseVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_learn_course_attempts_EmployeeId",
                table: "learn_course_attempts",
                column: "EmployeeId");

            migrationBuilder.CreateIndex(
                name: "IX_learn_course_lessons_SectionId",
                table: "learn_course_lessons",
                column: "SectionId");

            migrationBuilder.CreateIndex(
                name: "IX_learn_course_sections_CourseId",
                table: "learn_course_sections",
                column: "CourseId");

            migrationBuilder.CreateIndex(
                name: "IX_learn_course_versions_CourseId_Number",
                table: "learn_course_versions",
                columns: new[] { "CourseId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_learn_courses_ProgrammeId",
                table: "learn_courses",
                column: "ProgrammeId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_learn_lesson_steps_AttemptId_LessonKey",
                table: "learn_lesson_steps",
                columns: new[] { "AttemptId", "LessonKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_learn_lesson_steps_IdempotencyKey",
                table: "learn_lesson_steps",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_self_study_completions_EmployeeId",
                table: "self_study_completions",
                column: "EmployeeId");

            migrationBuilder.CreateIndex(
                name: "IX_self_study_completions_ProgrammeId_EmployeeId_Cycle",
                table: "self_study_completions",
                columns: new[] { "ProgrammeId", "EmployeeId", "Cycle" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "learn_course_lessons");

            migrationBuilder.DropTable(
                name: "learn_lesson_steps");

            migrationBuilder.DropTable(
                name: "self_study_completions");

            migrationBuilder.DropTable(
                name: "learn_course_sections");

            migrationBuilder.DropTable(
                name: "learn_course_attempts");

            migrationBuilder.DropTable(
                name: "learn_course_versions");

            migrationBuilder.DropTable(
                name: "learn_courses");
        }
    }
}
