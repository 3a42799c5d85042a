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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "hotline_escalations");

            migrationBuilder.DropTable(
                name: "hotline_messages");

            migrationBuilder.DropTable(
                name: "hotline_threads");
        }
    }
}
