using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServeWell.Web.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Learn_Scorm : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ScormPackages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ManifestIdentifier = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    PackedBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    UnpackedBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    FileCount = table.Column<int>(type: "INTEGER", nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RetiredAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScormPackages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ScormPackageContents",
                columns: table => new
                {
                    PackageId = table.Column<int>(type: "INTEGER", nullable: false),
                    Zip = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScormPackageContents", x => x.PackageId);
                    table.ForeignKey(
                        name: "FK_ScormPackageContents_ScormPackages_PackageId",
                        column: x => x.PackageId,
                        principalTable: "ScormPackages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ScormScos",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PackageId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Depth = table.Column<int>(type: "INTEGER", nullable: false),
                    Identifier = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    LaunchPath = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Parameters = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    MasteryScore = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScormScos", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScormScos_ScormPackages_PackageId",
                        column: x => x.PackageId,
                        principalTable: "ScormPackages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ScormAttempts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ScoId = table.Column<int>(type: "INTEGER", nullable: false),
                    EmployeeId = table.Column<int>(type: "INTEGER", nullable: false),
                    LessonStatus = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SuccessStatus = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ScoreRaw = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: true),
                    ScoreMin = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: true),
                    ScoreMax = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: true),
                    LessonLocation = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    SuspendData = table.Column<string>(type: "TEXT", maxLength: 64000, nullable: false),
                    Exit = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    TotalSeconds = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    SessionSeconds = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    Sessions = table.Column<int>(type: "INTEGER", nullable: false),
                    CurrentSession = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastCommitAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScormAttempts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScormAttempts_ScormScos_ScoId",
                        column: x => x.ScoId,
                        principalTable: "ScormScos",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ScormAttempts_employees_EmployeeId",
                        column: x => x.EmployeeId,
                        principalTable: "employees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ScormAttempts_EmployeeId",
                table: "ScormAttempts",
                column: "EmployeeId");

            migrationBuilder.CreateIndex(
                name: "IX_ScormAttempts_ScoId_EmployeeId",
                table: "ScormAttempts",
                columns: new[] { "ScoId", "EmployeeId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScormScos_PackageId_Position",
                table: "ScormScos",
                columns: new[] { "PackageId", "Position" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ScormAttempts");

            migrationBuilder.DropTable(
                name: "ScormPackageContents");

            migrationBuilder.DropTable(
                name: "ScormScos");

            migrationBuilder.DropTable(
                name: "ScormPackages");
        }
    }
}
