using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServeWell.Web.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Lang_TextsPerLanguage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_programmes_Title",
                table: "programmes");

            migrationBuilder.RenameColumn(
                name: "Label",
                table: "touchpoints",
                newName: "LabelKo");

            migrationBuilder.RenameColumn(
                name: "Title",
                table: "programmes",
                newName: "TitleKo");

            migrationBuilder.RenameColumn(
                name: "Description",
                table: "programmes",
                newName: "DescriptionKo");

            migrationBuilder.AddColumn<string>(
                name: "VenueEn",
                table: "training_sessions",
                type: "TEXT",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "VenueKo",
                table: "training_sessions",
                type: "TEXT",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "LabelEn",
                table: "touchpoints",
                type: "TEXT",
                maxLength: 120,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "DescriptionEn",
                table: "programmes",
                type: "TEXT",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "TitleEn",
                table: "programmes",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            // Data step (ADR-030): the one venue text moves into the Korean column before its old column goes.
            migrationBuilder.Sql("UPDATE training_sessions SET \"VenueKo\" = COALESCE(\"Venue\", '');");

            migrationBuilder.DropColumn(
                name: "Venue",
                table: "training_sessions");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "VenueEn",
                table: "training_sessions");

            migrationBuilder.DropColumn(
                name: "VenueKo",
                table: "training_sessions");

            migrationBuilder.DropColumn(
                name: "LabelEn",
                table: "touchpoints");

            migrationBuilder.DropColumn(
                name: "DescriptionEn",
                table: "programmes");

            migrationBuilder.DropColumn(
                name: "TitleEn",
                table: "programmes");

            migrationBuilder.RenameColumn(
                name: "LabelKo",
                table: "touchpoints",
                newName: "Label");

            migrationBuilder.RenameColumn(
                name: "TitleKo",
                table: "programmes",
                newName: "Title");

            migrationBuilder.RenameColumn(
                name: "DescriptionKo",
                table: "programmes",
                newName: "Description");

            migrationBuilder.AddColumn<string>(
                name: "Venue",
                table: "training_sessions",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_programmes_Title",
                table: "programmes",
                column: "Title");
        }
    }
}
