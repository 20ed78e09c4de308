using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServeWell.Web.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Learn_ScormTableNames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ScormAttempts_ScormScos_ScoId",
                table: "ScormAttempts");

            migrationBuilder.DropForeignKey(
                name: "FK_ScormAttempts_employees_EmployeeId",
                table: "ScormAttempts");

            migrationBuilder.DropForeignKey(
                name: "FK_ScormPackageContents_ScormPackages_PackageId",
                table: "ScormPackageContents");

            migrationBuilder.DropForeignKey(
                name: "FK_ScormScos_ScormPackages_PackageId",
                table: "ScormScos");

            migrationBuilder.DropPrimaryKey(
                name: "PK_ScormScos",
                table: "ScormScos");

            migrationBuilder.DropPrimaryKey(
                name: "PK_ScormPackages",
                table: "ScormPackages");

            migrationBuilder.DropPrimaryKey(
                name: "PK_ScormPackageContents",
                table: "ScormPackageContents");

            migrationBuilder.DropPrimaryKey(
                name: "PK_ScormAttempts",
                table: "ScormAttempts");

            migrationBuilder.RenameTable(
                name: "ScormScos",
                newName: "learn_scorm_scos");

            migrationBuilder.RenameTable(
                name: "ScormPackages",
                newName: "learn_scorm_packages");

            migrationBuilder.RenameTable(
                name: "ScormPackageContents",
                newName: "learn_scorm_package_contents");

            migrationBuilder.RenameTable(
                name: "ScormAttempts",
                newName: "learn_scorm_attempts");

            migrationBuilder.RenameIndex(
                name: "IX_ScormScos_PackageId_Position",
                table: "learn_scorm_scos",
                newName: "IX_learn_scorm_scos_PackageId_Position");

            migrationBuilder.RenameIndex(
                name: "IX_ScormAttempts_ScoId_EmployeeId",
                table: "learn_scorm_attempts",
                newName: "IX_learn_scorm_attempts_ScoId_EmployeeId");

            migrationBuilder.RenameIndex(
                name: "IX_ScormAttempts_EmployeeId",
                table: "learn_scorm_attempts",
                newName: "IX_learn_scorm_attempts_EmployeeId");

            migrationBuilder.AddPrimaryKey(
                name: "PK_learn_scorm_scos",
                table: "learn_scorm_scos",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_learn_scorm_packages",
                table: "learn_scorm_packages",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_learn_scorm_package_contents",
                table: "learn_scorm_package_contents",
                column: "PackageId");

            migrationBuilder.AddPrimaryKey(
                name: "PK_learn_scorm_attempts",
                table: "learn_scorm_attempts",
                column: "Id");

            migrationBuilder.AddForeignKey(
                name: "FK_learn_scorm_attempts_employees_EmployeeId",
                table: "learn_scorm_attempts",
                column: "EmployeeId",
                principalTable: "employees",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_learn_scorm_attempts_learn_scorm_scos_ScoId",
                table: "learn_scorm_attempts",
                column: "ScoId",
                principalTable: "learn_scorm_scos",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_learn_scorm_package_contents_learn_scorm_packages_PackageId",
                table: "learn_scorm_package_contents",
                column: "PackageId",
                principalTable: "learn_scorm_packages",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_learn_scorm_scos_learn_scorm_packages_PackageId",
                table: "learn_scorm_scos",
                column: "PackageId",
                principalTable: "learn_scorm_packages",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_learn_scorm_attempts_employees_EmployeeId",
                table: "learn_scorm_attempts");

            migrationBuilder.DropForeignKey(
                name: "FK_learn_scorm_attempts_learn_scorm_scos_ScoId",
                table: "learn_scorm_attempts");

            migrationBuilder.DropForeignKey(
                name: "FK_learn_scorm_package_contents_learn_scorm_packages_PackageId",
                table: "learn_scorm_package_contents");

            migrationBuilder.DropForeignKey(
                name: "FK_learn_scorm_scos_learn_scorm_packages_PackageId",
                table: "learn_scorm_scos");

            migrationBuilder.DropPrimaryKey(
                name: "PK_learn_scorm_scos",
                table: "learn_scorm_scos");

            migrationBuilder.DropPrimaryKey(
                name: "PK_learn_scorm_packages",
                table: "learn_scorm_packages");

            migrationBuilder.DropPrimaryKey(
                name: "PK_learn_scorm_package_contents",
                table: "learn_scorm_package_contents");

            migrationBuilder.DropPrimaryKey(
                name: "PK_learn_scorm_attempts",
                table: "learn_scorm_attempts");

            migrationBuilder.RenameTable(
                name: "learn_scorm_scos",
                newName: "ScormScos");

            migrationBuilder.RenameTable(
                name: "learn_scorm_packages",
                newName: "ScormPackages");

            migrationBuilder.RenameTable(
                name: "learn_scorm_package_contents",
                newName: "ScormPackageContents");

            migrationBuilder.RenameTable(
                name: "learn_scorm_attempts",
                newName: "ScormAttempts");

            migrationBuilder.RenameIndex(
                name: "IX_learn_scorm_scos_PackageId_Position",
                table: "ScormScos",
                newName: "IX_ScormScos_PackageId_Position");

            migrationBuilder.RenameIndex(
                name: "IX_learn_scorm_attempts_ScoId_EmployeeId",
                table: "ScormAttempts",
                newName: "IX_ScormAttempts_ScoId_EmployeeId");

            migrationBuilder.RenameIndex(
                name: "IX_learn_scorm_attempts_EmployeeId",
                table: "ScormAttempts",
                newName: "IX_ScormAttempts_EmployeeId");

            migrationBuilder.AddPrimaryKey(
                name: "PK_ScormScos",
                table: "ScormScos",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_ScormPackages",
                table: "ScormPackages",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_ScormPackageContents",
                table: "ScormPackageContents",
                column: "PackageId");

            migrationBuilder.AddPrimaryKey(
                name: "PK_ScormAttempts",
                table: "ScormAttempts",
                column: "Id");

            migrationBuilder.AddForeignKey(
                name: "FK_ScormAttempts_ScormScos_ScoId",
                table: "ScormAttempts",
                column: "ScoId",
                principalTable: "ScormScos",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_ScormAttempts_employees_EmployeeId",
                table: "ScormAttempts",
                column: "EmployeeId",
                principalTable: "employees",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_ScormPackageContents_ScormPackages_PackageId",
                table: "ScormPackageContents",
                column: "PackageId",
                principalTable: "ScormPackages",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_ScormScos_ScormPackages_PackageId",
                table: "ScormScos",
                column: "PackageId",
                principalTable: "ScormPackages",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
