using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Truce.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Gazetteer : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "place",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "TEXT", nullable: false),
                    latitude = table.Column<double>(type: "REAL", nullable: false),
                    longitude = table.Column<double>(type: "REAL", nullable: false),
                    cell = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    country_code = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    admin1 = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    admin2 = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    geo_names_id = table.Column<long>(type: "INTEGER", nullable: true),
                    population = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_place", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "place_name",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    place_id = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    language = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    script = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    kind = table.Column<string>(type: "TEXT", nullable: false),
                    key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    from = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    to = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_place_name", x => x.id);
                    table.ForeignKey(
                        name: "fk_place_name_place_place_id",
                        column: x => x.place_id,
                        principalTable: "place",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_place_geo_names_id",
                table: "place",
                column: "geo_names_id");

            migrationBuilder.CreateIndex(
                name: "ix_place_latitude_longitude",
                table: "place",
                columns: new[] { "latitude", "longitude" });

            migrationBuilder.CreateIndex(
                name: "ix_place_name_key_place_id",
                table: "place_name",
                columns: new[] { "key", "place_id" });

            migrationBuilder.CreateIndex(
                name: "ix_place_name_place_id",
                table: "place_name",
                column: "place_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "place_name");

            migrationBuilder.DropTable(
                name: "place");
        }
    }
}
