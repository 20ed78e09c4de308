using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ServeWell.Web.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FeedbackIntake : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "public_services",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    NameKo = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_public_services", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "service_offices",
                columns: table => new
                {
                    ServiceId = table.Column<int>(type: "integer", nullable: false),
                    OrgUnitId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_service_offices", x => new { x.ServiceId, x.OrgUnitId });
                    table.ForeignKey(
                        name: "FK_service_offices_org_units_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "org_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_service_offices_public_services_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "public_services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "touchpoints",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Label = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    OrgUnitId = table.Column<int>(type: "integer", nullable: false),
                    ServiceId = table.Column<int>(type: "integer", nullable: true),
                    EmployeeId = table.Column<int>(type: "integer", nullable: true),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RetiredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_touchpoints", x => x.Id);
                    table.ForeignKey(
                        name: "FK_touchpoints_employees_EmployeeId",
                        column: x => x.EmployeeId,
                        principalTable: "employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_touchpoints_org_units_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "org_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_touchpoints_public_services_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "public_services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "feedback_answers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TouchpointId = table.Column<int>(type: "integer", nullable: false),
                    OrgUnitId = table.Column<int>(type: "integer", nullable: false),
                    ServiceId = table.Column<int>(type: "integer", nullable: true),
                    Channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Overall = table.Column<int>(type: "integer", nullable: false),
                    OverallScore = table.Column<int>(type: "integer", nullable: false),
                    Timeliness = table.Column<int>(type: "integer", nullable: true),
                    TimelinessScore = table.Column<int>(type: "integer", nullable: true),
                    Knowledge = table.Column<int>(type: "integer", nullable: true),
                    KnowledgeScore = table.Column<int>(type: "integer", nullable: true),
                    Courtesy = table.Column<int>(type: "integer", nullable: true),
                    CourtesyScore = table.Column<int>(type: "integer", nullable: true),
                    Fairness = table.Column<int>(type: "integer", nullable: true),
                    FairnessScore = table.Column<int>(type: "integer", nullable: true),
                    Outcome = table.Column<int>(type: "integer", nullable: true),
                    OutcomeScore = table.Column<int>(type: "integer", nullable: true),
                    Resolved = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CommendedEmployeeId = table.Column<int>(type: "integer", nullable: true),
                    ContactRequested = table.Column<bool>(type: "boolean", nullable: false),
                    Language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    AnsweredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_feedback_answers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_feedback_answers_employees_CommendedEmployeeId",
                        column: x => x.CommendedEmployeeId,
                        principalTable: "employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_feedback_answers_org_units_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "org_units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_feedback_answers_public_services_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "public_services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_feedback_answers_touchpoints_TouchpointId",
                        column: x => x.TouchpointId,
                        principalTable: "touchpoints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "kiosk_devices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    TouchpointId = table.Column<int>(type: "integer", nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TokenHint = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastSyncAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_kiosk_devices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_kiosk_devices_touchpoints_TouchpointId",
                        column: x => x.TouchpointId,
                        principalTable: "touchpoints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "retired_touchpoint_codes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TouchpointId = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RetiredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_retired_touchpoint_codes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_retired_touchpoint_codes_touchpoints_TouchpointId",
                        column: x => x.TouchpointId,
                        principalTable: "touchpoints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "feedback_idempotency",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RequestHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Response = table.Column<string>(type: "text", nullable: false),
                    AnswerId = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_feedback_idempotency", x => x.Key);
                    table.ForeignKey(
                        name: "FK_feedback_idempotency_feedback_answers_AnswerId",
                        column: x => x.AnswerId,
                        principalTable: "feedback_answers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_feedback_answers_CommendedEmployeeId",
                table: "feedback_answers",
                column: "CommendedEmployeeId");

            migrationBuilder.CreateIndex(
                name: "IX_feedback_answers_OrgUnitId_AnsweredAt",
                table: "feedback_answers",
                columns: new[] { "OrgUnitId", "AnsweredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_feedback_answers_ServiceId_AnsweredAt",
                table: "feedback_answers",
                columns: new[] { "ServiceId", "AnsweredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_feedback_answers_TouchpointId_AnsweredAt",
                table: "feedback_answers",
                columns: new[] { "TouchpointId", "AnsweredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_feedback_idempotency_AnswerId",
                table: "feedback_idempotency",
                column: "AnswerId");

            migrationBuilder.CreateIndex(
                name: "IX_kiosk_devices_TokenHash",
                table: "kiosk_devices",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_kiosk_devices_TouchpointId",
                table: "kiosk_devices",
                column: "TouchpointId");

            migrationBuilder.CreateIndex(
                name: "IX_public_services_Code",
                table: "public_services",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_retired_touchpoint_codes_Code",
                table: "retired_touchpoint_codes",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_retired_touchpoint_codes_TouchpointId",
                table: "retired_touchpoint_codes",
                column: "TouchpointId");

            migrationBuilder.CreateIndex(
                name: "IX_service_offices_OrgUnitId",
                table: "service_offices",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_touchpoints_Code",
                table: "touchpoints",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_touchpoints_EmployeeId",
                table: "touchpoints",
                column: "EmployeeId");

            migrationBuilder.CreateIndex(
                name: "IX_touchpoints_OrgUnitId",
                table: "touchpoints",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_touchpoints_ServiceId",
                table: "touchpoints",
                column: "ServiceId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "feedback_idempotency");

            migrationBuilder.DropTable(
                name: "kiosk_devices");

            migrationBuilder.DropTable(
                name: "retired_touchpoint_codes");

            migrationBuilder.DropTable(
                name: "service_offices");

            migrationBuilder.DropTable(
                name: "feedback_answers");

            migrationBuilder.DropTable(
                name: "touchpoints");

            migrationBuilder.DropTable(
                name: "public_services");
        }
    }
}
