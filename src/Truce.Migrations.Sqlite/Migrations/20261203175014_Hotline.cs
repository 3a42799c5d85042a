using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Truce.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Hotline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "hotline_escalations",
                columns: table => new
                {
                    message_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    level = table.Column<int>(type: "INTEGER", nullable: false),
                    thread_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    escalated_to = table.Column<string>(type: "TEXT", nullable: false),
                    due_since = table.Column<long>(type: "INTEGER", nullable: false),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hotline_escalations", x => new { x.message_id, x.level });
                });

            migrationBuilder.CreateTable(
                name: "hotline_threads",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    subject = table.Column<string>(type: "TEXT", nullable: false),
                    party_id = table.Column<string>(type: "TEXT", nullable: false),
                    other_party_id = table.Column<string>(type: "TEXT", nullable: false),
                    started_at = table.Column<long>(type: "INTEGER", nullable: false),
                    started_by = table.Column<string>(type: "TEXT", nullable: false),
                    submission_hash = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hotline_threads", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "notified_activities",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    party_id = table.Column<string>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", nullable: false),
                    description = table.Column<string>(type: "TEXT", nullable: true),
                    area_geo_json = table.Column<string>(type: "TEXT", nullable: true),
                    latitude = table.Column<double>(type: "REAL", nullable: false),
                    longitude = table.Column<double>(type: "REAL", nullable: false),
                    radius_m = table.Column<int>(type: "INTEGER", nullable: true),
                    min_lat = table.Column<double>(type: "REAL", nullable: false),
                    min_lon = table.Column<double>(type: "REAL", nullable: false),
                    max_lat = table.Column<double>(type: "REAL", nullable: false),
                    max_lon = table.Column<double>(type: "REAL", nullable: false),
                    starts_at = table.Column<long>(type: "INTEGER", nullable: false),
                    ends_at = table.Column<long>(type: "INTEGER", nullable: false),
                    notified_at = table.Column<long>(type: "INTEGER", nullable: false),
                    notified_by = table.Column<string>(type: "TEXT", nullable: false),
                    late_notice = table.Column<bool>(type: "INTEGER", nullable: false),
                    submission_hash = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notified_activities", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "hotline_messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    thread_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", nullable: false),
                    from_party_id = table.Column<string>(type: "TEXT", nullable: false),
                    to_party_id = table.Column<string>(type: "TEXT", nullable: false),
                    body = table.Column<string>(type: "TEXT", nullable: false),
                    sent_at = table.Column<long>(type: "INTEGER", nullable: false),
                    sent_by = table.Column<string>(type: "TEXT", nullable: false),
                    due_at = table.Column<long>(type: "INTEGER", nullable: false),
                    read_at = table.Column<long>(type: "INTEGER", nullable: true),
                    acknowledged_at = table.Column<long>(type: "INTEGER", nullable: true),
                    acknowledged_by = table.Column<string>(type: "TEXT", nullable: true),
                    submission_hash = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hotline_messages", x => x.id);
                    table.ForeignKey(
                        name: "fk_hotline_messages_hotline_threads_thread_id",
                        column: x => x.thread_id,
                        principalTable: "hotline_threads",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_hotline_escalations_thread_id",
                table: "hotline_escalations",
                column: "thread_id");

            migrationBuilder.CreateIndex(
                name: "ix_hotline_messages_acknowledged_at_due_at",
                table: "hotline_messages",
                columns: new[] { "acknowledged_at", "due_at" });

            migrationBuilder.CreateIndex(
                name: "ix_hotline_messages_thread_id",
                table: "hotline_messages",
                column: "thread_id");

            migrationBuilder.CreateIndex(
                name: "ix_hotline_threads_other_party_id",
                table: "hotline_threads",
                column: "other_party_id");

            migrationBuilder.CreateIndex(
                name: "ix_hotline_threads_party_id",
                table: "hotline_threads",
                column: "party_id");

            migrationBuilder.CreateIndex(
                name: "ix_notified_activities_party_id",
                table: "notified_activities",
                column: "party_id");

            migrationBuilder.CreateIndex(
                name: "ix_notified_activities_starts_at_ends_at",
                table: "notified_activities",
                columns: new[] { "starts_at", "ends_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "hotline_escalations");

            migrationBuilder.DropTable(
                name: "hotline_messages");

            migrationBuilder.DropTable(
                name: "notified_activities");

            migrationBuilder.DropTable(
                name: "hotline_threads");
        }
    }
}
