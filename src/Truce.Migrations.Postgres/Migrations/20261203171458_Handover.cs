using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Truce.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Handover : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "checklist_item",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    handover_id = table.Column<Guid>(type: "uuid", nullable: false),
                    text = table.Column<string>(type: "text", nullable: false),
                    evidence = table.Column<string>(type: "text", nullable: true),
                    done_by = table.Column<string>(type: "text", nullable: true),
                    done_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_checklist_item", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "commitment",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "text", nullable: false),
                    party_ids = table.Column<string>(type: "text", nullable: false),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    evidence = table.Column<string>(type: "text", nullable: true),
                    status = table.Column<string>(type: "text", nullable: false),
                    status_reason = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    submission_hash = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_commitment", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "commitment_status_change",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    commitment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from = table.Column<string>(type: "text", nullable: false),
                    to = table.Column<string>(type: "text", nullable: false),
                    reason = table.Column<string>(type: "text", nullable: false),
                    evidence = table.Column<string>(type: "text", nullable: true),
                    by = table.Column<string>(type: "text", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_commitment_status_change", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "handover",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    phase_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    zone_id = table.Column<string>(type: "text", nullable: true),
                    site_ids = table.Column<string>(type: "text", nullable: false),
                    from_party_id = table.Column<string>(type: "text", nullable: false),
                    to_party_id = table.Column<string>(type: "text", nullable: false),
                    scheduled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    state = table.Column<string>(type: "text", nullable: false),
                    route_json = table.Column<string>(type: "text", nullable: true),
                    quiet_radius_km = table.Column<double>(type: "double precision", nullable: false),
                    quiet_days = table.Column<int>(type: "integer", nullable: false),
                    commitment_ids = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    submission_hash = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_handover", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "handover_plan",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    submission_hash = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_handover_plan", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "handover_transition",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    handover_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from = table.Column<string>(type: "text", nullable: false),
                    to = table.Column<string>(type: "text", nullable: false),
                    reason = table.Column<string>(type: "text", nullable: true),
                    overridden_gates = table.Column<string>(type: "text", nullable: false),
                    by = table.Column<string>(type: "text", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_handover_transition", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "hazard_status_change",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    hazardous_area_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from = table.Column<string>(type: "text", nullable: true),
                    to = table.Column<string>(type: "text", nullable: false),
                    reason = table.Column<string>(type: "text", nullable: false),
                    by = table.Column<string>(type: "text", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hazard_status_change", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "hazardous_area",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    status = table.Column<string>(type: "text", nullable: false),
                    geometry_json = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    submission_hash = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hazardous_area", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "phase",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ends_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    submission_hash = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_phase", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sign_off",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    handover_id = table.Column<Guid>(type: "uuid", nullable: false),
                    party_id = table.Column<string>(type: "text", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    certificate_hash = table.Column<string>(type: "text", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sign_off", x => x.id);
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
                name: "ix_phase_plan_id_number",
                table: "phase",
                columns: new[] { "plan_id", "number" });

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
                name: "phase");

            migrationBuilder.DropTable(
                name: "sign_off");
        }
    }
}
