using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Truce.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FieldAndReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "device_time",
                table: "observations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "report",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", nullable: false),
                    visibility = table.Column<string>(type: "TEXT", nullable: false),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    number = table.Column<int>(type: "INTEGER", nullable: true),
                    period_from = table.Column<long>(type: "INTEGER", nullable: false),
                    period_to = table.Column<long>(type: "INTEGER", nullable: false),
                    headline = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    narrative = table.Column<string>(type: "TEXT", nullable: false),
                    figures_json = table.Column<string>(type: "TEXT", nullable: false),
                    zones = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    topics = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    corrects_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    replies_json = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    published_at = table.Column<long>(type: "INTEGER", nullable: true),
                    submission_hash = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_report", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "comment",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    report_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    status = table.Column<string>(type: "TEXT", nullable: false),
                    visibility = table.Column<string>(type: "TEXT", nullable: false),
                    received_at = table.Column<long>(type: "INTEGER", nullable: false),
                    moderated_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_comment", x => x.id);
                    table.ForeignKey(
                        name: "fk_comment_report_report_id",
                        column: x => x.report_id,
                        principalTable: "report",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_comment_report_id_received_at",
                table: "comment",
                columns: new[] { "report_id", "received_at" });

            migrationBuilder.CreateIndex(
                name: "ix_comment_status",
                table: "comment",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ix_report_kind_year_number",
                table: "report",
                columns: new[] { "kind", "year", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_report_published_at",
                table: "report",
                column: "published_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "comment");

            migrationBuilder.DropTable(
                name: "report");

            migrationBuilder.DropColumn(
                name: "device_time",
                table: "observations");
        }
    }
}
