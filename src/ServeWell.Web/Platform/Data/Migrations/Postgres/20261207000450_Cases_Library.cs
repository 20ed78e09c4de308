using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ServeWell.Web.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Cases_Library : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "practice_cases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Reference = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AuthorUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Channel = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Tags = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ReviewedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PublishedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    WithdrawnAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CitizenSaidEn = table.Column<string>(type: "character varying(3000)", maxLength: 3000, nullable: false),
                    CitizenSaidKo = table.Column<string>(type: "character varying(3000)", maxLength: 3000, nullable: false),
                    LessonEn = table.Column<string>(type: "character varying(3000)", maxLength: 3000, nullable: false),
                    LessonKo = table.Column<string>(type: "character varying(3000)", maxLength: 3000, nullable: false),
                    OfficialDidEn = table.Column<string>(type: "character varying(3000)", maxLength: 3000, nullable: false),
                    OfficialDidKo = table.Column<string>(type: "character varying(3000)", maxLength: 3000, nullable: false),
                    OutcomeEn = table.Column<string>(type: "character varying(3000)", maxLength: 3000, nullable: false),
                    OutcomeKo = table.Column<string>(type: "character varying(3000)", maxLength: 3000, nullable: false),
                    SituationEn = table.Column<string>(type: "character varying(3000)", maxLength: 3000, nullable: false),
                    SituationKo = table.Column<string>(type: "character varying(3000)", maxLength: 3000, nullable: false),
                    TitleEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TitleKo = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_practice_cases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "practice_case_competencies",
                columns: table => new
                {
                    CaseId = table.Column<int>(type: "integer", nullable: false),
                    CompetencyId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_practice_case_competencies", x => new { x.CaseId, x.CompetencyId });
                    table.ForeignKey(
                        name: "FK_practice_case_competencies_competencies_CompetencyId",
                        column: x => x.CompetencyId,
                        principalTable: "competencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_practice_case_competencies_practice_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "practice_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "practice_case_originals",
                columns: table => new
                {
                    CaseId = table.Column<int>(type: "integer", nullable: false),
                    Marked = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    CitizenSaidEn = table.Column<string>(type: "character varying(3000)", maxLength: 3000, nullable: false),
                    CitizenSaidKo = table.Column<string>(type: "character varying(3000)", maxLength: 3000, nullable: false),
                    LessonEn = table.Column<string>(type: "character varying(3000)", maxLength: 3000, nullable: false),
                    LessonKo = table.Column<string>(type: "character varying(3000)", maxLength: 3000, nullable: false),
                    OfficialDidEn = table.Column<string>(type: "character varying(3000)", maxLength: 3000, nullable: false),
                    OfficialDidKo = table.Column<string>(type: "character varying(3000)", maxLength: 3000, nullable: false),
                    OutcomeEn = table.Column<string>(type: "character varying(3000)", maxLength: 3000, nullable: false),
                    OutcomeKo = table.Column<string>(type: "character varying(3000)", maxLength: 3000, nullable: false),
                    SituationEn = table.Column<string>(type: "character varying(3000)", maxLength: 3000, nullable: false),
                    SituationKo = table.Column<string>(type: "character varying(3000)", maxLength: 3000, nullable: false),
                    TitleEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TitleKo = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_practice_case_originals", x => x.CaseId);
                    table.ForeignKey(
                        name: "FK_practice_case_originals_practice_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "practice_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "practice_case_terms",
                columns: table => new
                {
                    CaseId = table.Column<int>(type: "integer", nullable: false),
                    Term = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Weight = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_practice_case_terms", x => new { x.Term, x.CaseId });
                    table.ForeignKey(
                        name: "FK_practice_case_terms_practice_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "practice_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_practice_case_competencies_CompetencyId",
                table: "practice_case_competencies",
                column: "CompetencyId");

            migrationBuilder.CreateIndex(
                name: "IX_practice_case_terms_CaseId",
                table: "practice_case_terms",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_practice_cases_AuthorUserId_Status",
                table: "practice_cases",
                columns: new[] { "AuthorUserId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_practice_cases_Reference",
                table: "practice_cases",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_practice_cases_Status_PublishedAtUtc",
                table: "practice_cases",
                columns: new[] { "Status", "PublishedAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "practice_case_competencies");

            migrationBuilder.DropTable(
                name: "practice_case_originals");

            migrationBuilder.DropTable(
                name: "practice_case_terms");

            migrationBuilder.DropTable(
                name: "practice_cases");
        }
    }
}
