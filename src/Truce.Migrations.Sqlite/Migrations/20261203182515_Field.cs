using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Truce.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Field : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "device_time",
                table: "observations",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "device_time",
                table: "observations");
        }
    }
}
