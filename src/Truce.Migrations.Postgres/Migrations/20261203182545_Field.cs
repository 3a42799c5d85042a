using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Truce.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Field : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "device_time",
                table: "observations",
                type: "timestamp with time zone",
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
