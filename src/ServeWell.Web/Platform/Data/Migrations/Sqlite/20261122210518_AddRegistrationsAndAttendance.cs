using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServeWell.Web.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddRegistrationsAndAttendance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "InvitationMailedAt",
                table: "enrolments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "attendance",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    EmployeeId = table.Column<int>(type: "INTEGER", nullable: false),
                    EnrolmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Channel = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ArrivedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LeftAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_attendance", x => x.Id);
                    table.ForeignKey(
                        name: "FK_attendance_employees_EmployeeId",
                        column: x => x.EmployeeId,
                        principalTable: "employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_attendance_enrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_attendance_training_sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "training_sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "session_registrations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    EnrolmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    EmployeeId = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    StateReason = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    AskedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StateSince = table.Column<DateTime>(type: "TEXT", nullable: false),
                    JoinToken = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ReminderSentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_session_registrations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_session_registrations_employees_EmployeeId",
                        column: x => x.EmployeeId,
                        principalTable: "employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_session_registrations_enrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalTable: "enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_session_registrations_training_sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "training_sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_attendance_EmployeeId",
                table: "attendance",
                column: "EmployeeId");

            migrationBuilder.CreateIndex(
                name: "IX_attendance_EnrolmentId",
                table: "attendance",
                column: "EnrolmentId");

            migrationBuilder.CreateIndex(
                name: "IX_attendance_SessionId_EmployeeId",
                table: "attendance",
                columns: new[] { "SessionId", "EmployeeId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_session_registrations_EmployeeId_State",
                table: "session_registrations",
                columns: new[] { "EmployeeId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_session_registrations_EnrolmentId",
                table: "session_registrations",
                column: "EnrolmentId");

            migrationBuilder.CreateIndex(
                name: "IX_session_registrations_JoinToken",
                table: "session_registrations",
                column: "JoinToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_session_registrations_SessionId_EmployeeId",
                table: "session_registrations",
                columns: new[] { "SessionId", "EmployeeId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_session_registrations_SessionId_State_AskedAt",
                table: "session_registrations",
                columns: new[] { "SessionId", "State", "AskedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "attendance");

            migrationBuilder.DropTable(
                name: "session_registrations");

            migrationBuilder.DropColumn(
                name: "InvitationMailedAt",
                table: "enrolments");
        }
    }
}
