using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServeWell.Web.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Docs_CityIdentity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "city_identity",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    NameKo = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    NameEn = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    Colour = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    LogoSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    LogoFileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: true),
                    SealSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    SealFileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_city_identity", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "city_images",
                columns: table => new
                {
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Png = table.Column<byte[]>(type: "bytea", nullable: false),
                    Width = table.Column<int>(type: "integer", nullable: false),
                    Height = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_city_images", x => x.Kind);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "city_identity");

            migrationBuilder.DropTable(
                name: "city_images");
        }
    }
}
