using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServeWell.Web.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddFollowUps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "follow_up_root_causes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    NameKo = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_follow_up_root_causes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "follow_up_cases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AnswerId = table.Column<long>(type: "INTEGER", nullable: false),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    ServiceId = table.Column<int>(type: "INTEGER", nullable: true),
                    TouchpointId = table.Column<int>(type: "INTEGER", nullable: false),
                    Overall = table.Column<int>(type: "INTEGER", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 1200, nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    AnsweredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OpenedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LowScore = table.Column<bool>(type: "INTEGER", nullable: false),
                    ContactRequested = table.Column<bool>(type: "INTEGER", nullable: false),
                    ContactHasEmail = table.Column<bool>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AssignedUserId = table.Column<string>(type: "TEXT", nullable: true),
                    RootCauseId = table.Column<int>(type: "INTEGER", nullable: true),
                    ResolutionNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ClosedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ContactPurgedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastRemindedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_follow_up_cases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_follow_up_cases_AspNetUsers_AssignedUserId",
                        column: x => x.AssignedUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_follow_up_cases_follow_up_root_causes_RootCauseId",
                        column: x => x.RootCauseId,
                        principalTable: "follow_up_root_causes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_follow_up_cases_org_units_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "org_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "follow_up_contacts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Protected = table.Column<byte[]>(type: "BLOB", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_follow_up_contacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_follow_up_contacts_follow_up_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "follow_up_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "follow_up_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FromState = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ToState = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ActorUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_follow_up_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_follow_up_events_follow_up_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "follow_up_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "follow_up_notices",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RecipientUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClaimedUntilUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SentAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_follow_up_notices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_follow_up_notices_follow_up_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "follow_up_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_follow_up_cases_AnswerId",
                table: "follow_up_cases",
                column: "AnswerId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_follow_up_cases_AssignedUserId",
                table: "follow_up_cases",
                column: "AssignedUserId");

            migrationBuilder.CreateIndex(
                name: "IX_follow_up_cases_ClosedAtUtc",
                table: "follow_up_cases",
                column: "ClosedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_follow_up_cases_OrgUnitId",
                table: "follow_up_cases",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_follow_up_cases_RootCauseId",
                table: "follow_up_cases",
                column: "RootCauseId");

            migrationBuilder.CreateIndex(
                name: "IX_follow_up_cases_State_DueAtUtc",
                table: "follow_up_cases",
                columns: new[] { "State", "DueAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_follow_up_contacts_CaseId",
                table: "follow_up_contacts",
                column: "CaseId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_follow_up_events_CaseId_AtUtc",
                table: "follow_up_events",
                columns: new[] { "CaseId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_follow_up_notices_CaseId",
                table: "follow_up_notices",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_follow_up_notices_SentAtUtc",
                table: "follow_up_notices",
                column: "SentAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_follow_up_root_causes_Code",
                table: "follow_up_root_causes",
                column: "Code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "follow_up_contacts");

            migrationBuilder.DropTable(
                name: "follow_up_events");

            migrationBuilder.DropTable(
                name: "follow_up_notices");

            migrationBuilder.DropTable(
                name: "follow_up_cases");

            migrationBuilder.DropTable(
                name: "follow_up_root_causes");
        }
    }
}
