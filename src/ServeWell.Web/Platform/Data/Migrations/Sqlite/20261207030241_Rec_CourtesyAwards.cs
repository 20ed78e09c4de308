using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServeWell.Web.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Rec_CourtesyAwards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "recognition_schemes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ScopeOrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    OpensOnDay = table.Column<int>(type: "INTEGER", nullable: false),
                    JuryDays = table.Column<int>(type: "INTEGER", nullable: false),
                    ApprovalDays = table.Column<int>(type: "INTEGER", nullable: false),
                    MinimumAnswers = table.Column<int>(type: "INTEGER", nullable: false),
                    PriorWeight = table.Column<int>(type: "INTEGER", nullable: false),
                    Finalists = table.Column<int>(type: "INTEGER", nullable: false),
                    CoolOffMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    ScaleMax = table.Column<int>(type: "INTEGER", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameKo = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Weights_Courtesy = table.Column<int>(type: "INTEGER", nullable: false),
                    Weights_Difficulty = table.Column<int>(type: "INTEGER", nullable: false),
                    Weights_Resolution = table.Column<int>(type: "INTEGER", nullable: false),
                    Weights_Satisfaction = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recognition_schemes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_recognition_schemes_org_units_ScopeOrgUnitId",
                        column: x => x.ScopeOrgUnitId,
                        principalTable: "org_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "recognition_rounds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SchemeId = table.Column<int>(type: "INTEGER", nullable: false),
                    ScopeOrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OpensOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ClosesOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    JuryClosesOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ApprovalDueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    MinimumAnswers = table.Column<int>(type: "INTEGER", nullable: false),
                    PriorWeight = table.Column<int>(type: "INTEGER", nullable: false),
                    Finalists = table.Column<int>(type: "INTEGER", nullable: false),
                    CoolOffMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    ScaleMax = table.Column<int>(type: "INTEGER", nullable: false),
                    CityMean = table.Column<double>(type: "REAL", nullable: true),
                    AwardeeEmployeeId = table.Column<int>(type: "INTEGER", nullable: true),
                    SentBackNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    OpenedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClosedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    JuryClosedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AnnouncedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    JuryRemindedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Weights_Courtesy = table.Column<int>(type: "INTEGER", nullable: false),
                    Weights_Difficulty = table.Column<int>(type: "INTEGER", nullable: false),
                    Weights_Resolution = table.Column<int>(type: "INTEGER", nullable: false),
                    Weights_Satisfaction = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recognition_rounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_recognition_rounds_recognition_schemes_SchemeId",
                        column: x => x.SchemeId,
                        principalTable: "recognition_schemes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "recognition_awards",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    EmployeeId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Story = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ShownOnWall = table.Column<bool>(type: "INTEGER", nullable: false),
                    CertificateCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AwardedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recognition_awards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_recognition_awards_recognition_rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "recognition_rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "recognition_candidates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    EmployeeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Answers = table.Column<int>(type: "INTEGER", nullable: false),
                    RatingSum = table.Column<int>(type: "INTEGER", nullable: false),
                    Commendations = table.Column<int>(type: "INTEGER", nullable: false),
                    Bayesian = table.Column<double>(type: "REAL", nullable: true),
                    Rank = table.Column<int>(type: "INTEGER", nullable: true),
                    Nominations = table.Column<int>(type: "INTEGER", nullable: false),
                    Exclusion = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Finalist = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recognition_candidates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_recognition_candidates_recognition_rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "recognition_rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "recognition_decisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recognition_decisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_recognition_decisions_recognition_rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "recognition_rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "recognition_jurors",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AddedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recognition_jurors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_recognition_jurors_recognition_rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "recognition_rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "recognition_nominations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    EmployeeId = table.Column<int>(type: "INTEGER", nullable: true),
                    WrittenName = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    NominatorUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Story = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    ProtectedContact = table.Column<byte[]>(type: "BLOB", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    WithdrawnAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    WithdrawnBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    WithdrawalReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recognition_nominations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_recognition_nominations_recognition_rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "recognition_rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "recognition_scores",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    JurorId = table.Column<int>(type: "INTEGER", nullable: false),
                    EmployeeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Difficulty = table.Column<int>(type: "INTEGER", nullable: false),
                    Courtesy = table.Column<int>(type: "INTEGER", nullable: false),
                    Satisfaction = table.Column<int>(type: "INTEGER", nullable: false),
                    Resolution = table.Column<int>(type: "INTEGER", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    WithdrawnAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    WithdrawalReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recognition_scores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_recognition_scores_recognition_jurors_JurorId",
                        column: x => x.JurorId,
                        principalTable: "recognition_jurors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_recognition_awards_CertificateCode",
                table: "recognition_awards",
                column: "CertificateCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_recognition_awards_EmployeeId_Month",
                table: "recognition_awards",
                columns: new[] { "EmployeeId", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_recognition_awards_RoundId",
                table: "recognition_awards",
                column: "RoundId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_recognition_candidates_RoundId_EmployeeId",
                table: "recognition_candidates",
                columns: new[] { "RoundId", "EmployeeId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_recognition_decisions_RoundId",
                table: "recognition_decisions",
                column: "RoundId");

            migrationBuilder.CreateIndex(
                name: "IX_recognition_jurors_RoundId_UserId",
                table: "recognition_jurors",
                columns: new[] { "RoundId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_recognition_nominations_RoundId_EmployeeId",
                table: "recognition_nominations",
                columns: new[] { "RoundId", "EmployeeId" });

            migrationBuilder.CreateIndex(
                name: "IX_recognition_rounds_SchemeId_Month",
                table: "recognition_rounds",
                columns: new[] { "SchemeId", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_recognition_rounds_Stage",
                table: "recognition_rounds",
                column: "Stage");

            migrationBuilder.CreateIndex(
                name: "IX_recognition_schemes_ScopeOrgUnitId",
                table: "recognition_schemes",
                column: "ScopeOrgUnitId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_recognition_scores_JurorId_EmployeeId",
                table: "recognition_scores",
                columns: new[] { "JurorId", "EmployeeId" });

            migrationBuilder.CreateIndex(
                name: "IX_recognition_scores_RoundId_EmployeeId",
                table: "recognition_scores",
                columns: new[] { "RoundId", "EmployeeId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "recognition_awards");

            migrationBuilder.DropTable(
                name: "recognition_candidates");

            migrationBuilder.DropTable(
                name: "recognition_decisions");

            migrationBuilder.DropTable(
                name: "recognition_nominations");

            migrationBuilder.DropTable(
                name: "recognition_scores");

            migrationBuilder.DropTable(
                name: "recognition_jurors");

            migrationBuilder.DropTable(
                name: "recognition_rounds");

            migrationBuilder.DropTable(
                name: "recognition_schemes");
        }
    }
}
