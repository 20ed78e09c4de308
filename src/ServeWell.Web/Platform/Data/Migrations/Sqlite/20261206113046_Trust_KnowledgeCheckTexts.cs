using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServeWell.Web.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Trust_KnowledgeCheckTexts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "Text",
                table: "knowledge_questions",
                newName: "TextKo");

            migrationBuilder.AddColumn<string>(
                name: "TextEn",
                table: "knowledge_questions",
                type: "TEXT",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "TextEn",
                table: "knowledge_questions");

            migrationBuilder.RenameColumn(
                name: "TextKo",
                table: "knowledge_questions",
                newName: "Text");
        }
    }
}
