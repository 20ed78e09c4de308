using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServeWell.Web.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Prot_Encounters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "protection_encounters",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    EmployeeId = table.Column<int>(type: "INTEGER", nullable: false),
                    OfficeId = table.Column<int>(type: "INTEGER", nullable: false),
                    OccurredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Channel = table.Column<int>(type: "INTEGER", nullable: false),
                    Kinds = table.Column<int>(type: "INTEGER", nullable: false),
                    Actions = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    DescriptionScrubbed = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Injury = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    InjuryScrubbed = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    LoggedByUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    LoggedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ComplainantKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    FollowUpCaseId = table.Column<int>(type: "INTEGER", nullable: true),
                    FeedbackAnswerId = table.Column<long>(type: "INTEGER", nullable: true),
                    CaseConsentAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PracticeCaseId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_protection_encounters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_protection_encounters_employees_EmployeeId",
                        column: x => x.EmployeeId,
                        principalTable: "employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_protection_encounters_org_units_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "org_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "protection_hash_secrets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Protected = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_protection_hash_secrets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "protection_letter_templates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_protection_letter_templates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "protection_officers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    DesignatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_protection_officers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_protection_officers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_protection_officers_org_units_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "org_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "protection_evidence",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EncounterId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Protected = table.Column<byte[]>(type: "BLOB", nullable: false),
                    UploadedByUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UploadedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DeleteAfterUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_protection_evidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_protection_evidence_protection_encounters_EncounterId",
                        column: x => x.EncounterId,
                        principalTable: "protection_encounters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "protection_legal_actions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EncounterId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    StatusOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RecordedByUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_protection_legal_actions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_protection_legal_actions_protection_encounters_EncounterId",
                        column: x => x.EncounterId,
                        principalTable: "protection_encounters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "protection_restrictions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EncounterId = table.Column<int>(type: "INTEGER", nullable: false),
                    ComplainantKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Scope = table.Column<int>(type: "INTEGER", nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReviewOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LetterLanguage = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    IssuedByUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    IssuedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReviewReminderSentAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_protection_restrictions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_protection_restrictions_protection_encounters_EncounterId",
                        column: x => x.EncounterId,
                        principalTable: "protection_encounters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "protection_support_offers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EncounterId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    OfferedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OfferedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OfferedByUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TakenUpOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DeclinedOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_protection_support_offers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_protection_support_offers_protection_encounters_EncounterId",
                        column: x => x.EncounterId,
                        principalTable: "protection_encounters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_protection_encounters_ComplainantKey",
                table: "protection_encounters",
                column: "ComplainantKey");

            migrationBuilder.CreateIndex(
                name: "IX_protection_encounters_EmployeeId",
                table: "protection_encounters",
                column: "EmployeeId");

            migrationBuilder.CreateIndex(
                name: "IX_protection_encounters_OfficeId_OccurredAtUtc",
                table: "protection_encounters",
                columns: new[] { "OfficeId", "OccurredAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_protection_encounters_Reference",
                table: "protection_encounters",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_protection_evidence_DeleteAfterUtc",
                table: "protection_evidence",
                column: "DeleteAfterUtc");

            migrationBuilder.CreateIndex(
                name: "IX_protection_evidence_EncounterId",
                table: "protection_evidence",
                column: "EncounterId");

            migrationBuilder.CreateIndex(
                name: "IX_protection_legal_actions_EncounterId",
                table: "protection_legal_actions",
                column: "EncounterId");

            migrationBuilder.CreateIndex(
                name: "IX_protection_letter_templates_Language",
                table: "protection_letter_templates",
                column: "Language",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_protection_officers_OrgUnitId",
                table: "protection_officers",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_protection_officers_UserId_OrgUnitId",
                table: "protection_officers",
                columns: new[] { "UserId", "OrgUnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_protection_restrictions_ComplainantKey",
                table: "protection_restrictions",
                column: "ComplainantKey");

            migrationBuilder.CreateIndex(
                name: "IX_protection_restrictions_EncounterId",
                table: "protection_restrictions",
                column: "EncounterId");

            migrationBuilder.CreateIndex(
                name: "IX_protection_restrictions_ReviewOn",
                table: "protection_restrictions",
                column: "ReviewOn");

            migrationBuilder.CreateIndex(
                name: "IX_protection_support_offers_EncounterId",
                table: "protection_support_offers",
                column: "EncounterId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "protection_evidence");

            migrationBuilder.DropTable(
                name: "protection_hash_secrets");

            migrationBuilder.DropTable(
                name: "protection_legal_actions");

            migrationBuilder.DropTable(
                name: "protection_letter_templates");

            migrationBuilder.DropTable(
                name: "protection_officers");

            migrationBuilder.DropTable(
                name: "protection_restrictions");

            migrationBuilder.DropTable(
                name: "protection_support_offers");

            migrationBuilder.DropTable(
                name: "protection_encounters");
        }
    }
}
