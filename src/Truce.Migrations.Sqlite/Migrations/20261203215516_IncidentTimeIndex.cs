using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Truce.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class IncidentTimeIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_incidents_status_ends_at_cell",
                table: "incidents",
                columns: new[] { "status", "ends_at", "cell" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_incidents_status_ends_at_cell",
                table: "incidents");
        }
    }
}
