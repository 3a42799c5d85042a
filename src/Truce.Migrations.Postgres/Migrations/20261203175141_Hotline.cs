using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Truce.Migrations.Postgres
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
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    thread_id = table.Column<Guid>(type: "uuid", nullable: false),
                    escalated_to = table.Column<string>(type: "text", nullable: false),
                    due_since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hotline_escalations", x => new { x.message_id, x.level });
                });

            migrationBuilder.CreateTable(
                name: "hotline_threads",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    subject = table.Column<string>(type: "text", nullable: false),
                    party_id = table.Column<string>(type: "text", nullable: false),
                    other_party_id = table.Column<string>(type: "text", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    started_by = table.Column<string>(type: "text", nullable: false),
                    submission_hash = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hotline_threads", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "notified_activities",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    party_id = table.Column<string>(type: "text", nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    description = table.Column<string>(type: "text", nullable: true),
                    area_geo_json = table.Column<string>(type: "text", nullable: true),
                    latitude = table.Column<double>(type: "double precision", nullable: false),
                    longitude = table.Column<double>(type: "double precision", nullable: false),
                    radius_m = table.Column<int>(type: "integer", nullable: true),
                    min_lat = table.Column<double>(type: "double precision", nullable: false),
                    min_lon = table.Column<double>(type: "double precision", nullable: false),
                    max_lat = table.Column<double>(type: "double precision", nullable: false),
                    max_lon = table.Column<double>(type: "double precision", nullable: false),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ends_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    notified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    notified_by = table.Column<string>(type: "text", nullable: false),
                    late_notice = table.Column<bool>(type: "boolean", nullable: false),
                    submission_hash = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notified_activities", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "hotline_messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    thread_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    from_party_id = table.Column<string>(type: "text", nullable: false),
                    to_party_id = table.Column<string>(type: "text", nullable: false),
                    body = table.Column<string>(type: "text", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sent_by = table.Column<string>(type: "text", nullable: false),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    read_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    acknowledged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    acknowledged_by = table.Column<string>(type: "text", nullable: true),
                    submission_hash = table.Column<string>(type: "text", nullable: false)
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
