using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Truce.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PartiesPlacesHandover : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "locked_client",
                table: "users",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "session_stamp",
                table: "users",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "attached_at",
                table: "observation_evidence",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<Guid>(
                name: "attached_by_id",
                table: "observation_evidence",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.CreateTable(
                name: "checklist_item",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    handover_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    text = table.Column<string>(type: "TEXT", nullable: false),
                    evidence = table.Column<string>(type: "TEXT", nullable: true),
                    done_by = table.Column<string>(type: "TEXT", nullable: true),
                    done_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_checklist_item", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "commitment",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    title = table.Column<string>(type: "TEXT", nullable: false),
                    party_ids = table.Column<string>(type: "TEXT", nullable: false),
                    due_at = table.Column<long>(type: "INTEGER", nullable: false),
                    evidence = table.Column<string>(type: "TEXT", nullable: true),
                    status = table.Column<string>(type: "TEXT", nullable: false),
                    status_reason = table.Column<string>(type: "TEXT", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    submission_hash = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_commitment", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "commitment_status_change",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    commitment_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    from = table.Column<string>(type: "TEXT", nullable: false),
                    to = table.Column<string>(type: "TEXT", nullable: false),
                    reason = table.Column<string>(type: "TEXT", nullable: false),
                    evidence = table.Column<string>(type: "TEXT", nullable: true),
                    by = table.Column<string>(type: "TEXT", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_commitment_status_change", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "handover",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    phase_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    zone_id = table.Column<string>(type: "TEXT", nullable: true),
                    site_ids = table.Column<string>(type: "TEXT", nullable: false),
                    from_party_id = table.Column<string>(type: "TEXT", nullable: false),
                    to_party_id = table.Column<string>(type: "TEXT", nullable: false),
                    scheduled_at = table.Column<long>(type: "INTEGER", nullable: false),
                    state = table.Column<string>(type: "TEXT", nullable: false),
                    route_json = table.Column<string>(type: "TEXT", nullable: true),
                    quiet_radius_km = table.Column<double>(type: "REAL", nullable: false),
                    quiet_days = table.Column<int>(type: "INTEGER", nullable: false),
                    commitment_ids = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    submission_hash = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_handover", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "handover_plan",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    submission_hash = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_handover_plan", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "handover_transition",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    handover_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    from = table.Column<string>(type: "TEXT", nullable: false),
                    to = table.Column<string>(type: "TEXT", nullable: false),
                    reason = table.Column<string>(type: "TEXT", nullable: true),
                    overridden_gates = table.Column<string>(type: "TEXT", nullable: false),
                    by = table.Column<string>(type: "TEXT", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_handover_transition", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "hazard_status_change",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    hazardous_area_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    from = table.Column<string>(type: "TEXT", nullable: true),
                    to = table.Column<string>(type: "TEXT", nullable: false),
                    reason = table.Column<string>(type: "TEXT", nullable: false),
                    by = table.Column<string>(type: "TEXT", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hazard_status_change", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "hazardous_area",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    status = table.Column<string>(type: "TEXT", nullable: false),
                    geometry_json = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    submission_hash = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hazardous_area", x => x.id);
                });

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
                name: "phase",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    plan_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<int>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    starts_at = table.Column<long>(type: "INTEGER", nullable: false),
                    ends_at = table.Column<long>(type: "INTEGER", nullable: false),
                    submission_hash = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_phase", x => x.id);
                });

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
                name: "sign_off",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    handover_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    party_id = table.Column<string>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    certificate_hash = table.Column<string>(type: "TEXT", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sign_off", x => x.id);
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
                name: "ix_checklist_item_handover_id",
                table: "checklist_item",
                column: "handover_id");

            migrationBuilder.CreateIndex(
                name: "ix_commitment_due_at",
                table: "commitment",
                column: "due_at");

            migrationBuilder.CreateIndex(
                name: "ix_commitment_status_change_commitment_id_at",
                table: "commitment_status_change",
                columns: new[] { "commitment_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_handover_phase_id",
                table: "handover",
                column: "phase_id");

            migrationBuilder.CreateIndex(
                name: "ix_handover_transition_handover_id_at",
                table: "handover_transition",
                columns: new[] { "handover_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_hazard_status_change_hazardous_area_id_at",
                table: "hazard_status_change",
                columns: new[] { "hazardous_area_id", "at" });

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

            migrationBuilder.CreateIndex(
                name: "ix_phase_plan_id_number",
                table: "phase",
                columns: new[] { "plan_id", "number" });

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

            migrationBuilder.CreateIndex(
                name: "ix_sign_off_handover_id_party_id",
                table: "sign_off",
                columns: new[] { "handover_id", "party_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "checklist_item");

            migrationBuilder.DropTable(
                name: "commitment");

            migrationBuilder.DropTable(
                name: "commitment_status_change");

            migrationBuilder.DropTable(
                name: "handover");

            migrationBuilder.DropTable(
                name: "handover_plan");

            migrationBuilder.DropTable(
                name: "handover_transition");

            migrationBuilder.DropTable(
                name: "hazard_status_change");

            migrationBuilder.DropTable(
                name: "hazardous_area");

            migrationBuilder.DropTable(
                name: "hotline_escalations");

            migrationBuilder.DropTable(
                name: "hotline_messages");

            migrationBuilder.DropTable(
                name: "notified_activities");

            migrationBuilder.DropTable(
                name: "phase");

            migrationBuilder.DropTable(
                name: "place_name");

            migrationBuilder.DropTable(
                name: "sign_off");

            migrationBuilder.DropTable(
                name: "hotline_threads");

            migrationBuilder.DropTable(
                name: "place");

            migrationBuilder.DropColumn(
                name: "locked_client",
                table: "users");

            migrationBuilder.DropColumn(
                name: "session_stamp",
                table: "users");

            migrationBuilder.DropColumn(
                name: "attached_at",
                table: "observation_evidence");

            migrationBuilder.DropColumn(
                name: "attached_by_id",
                table: "observation_evidence");
        }
    }
}
