using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Truce.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "api_tokens",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    scope = table.Column<string>(type: "TEXT", nullable: false),
                    token_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    expires_at = table.Column<long>(type: "INTEGER", nullable: true),
                    revoked_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_api_tokens", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "evidence_files",
                columns: table => new
                {
                    sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    length = table.Column<long>(type: "INTEGER", nullable: false),
                    content_type = table.Column<string>(type: "TEXT", nullable: false),
                    file_name = table.Column<string>(type: "TEXT", nullable: false),
                    content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    received_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_evidence_files", x => x.sha256);
                });

            migrationBuilder.CreateTable(
                name: "incidents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    title = table.Column<string>(type: "TEXT", nullable: false),
                    category = table.Column<string>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", nullable: false),
                    starts_at = table.Column<long>(type: "INTEGER", nullable: false),
                    ends_at = table.Column<long>(type: "INTEGER", nullable: false),
                    latitude = table.Column<double>(type: "REAL", nullable: false),
                    longitude = table.Column<double>(type: "REAL", nullable: false),
                    location_precision_m = table.Column<int>(type: "INTEGER", nullable: false),
                    cell = table.Column<string>(type: "TEXT", nullable: false),
                    observation_count = table.Column<int>(type: "INTEGER", nullable: false),
                    source_count = table.Column<int>(type: "INTEGER", nullable: false),
                    visibility = table.Column<string>(type: "TEXT", nullable: false),
                    source_reliability = table.Column<char>(type: "TEXT", nullable: true),
                    information_credibility = table.Column<int>(type: "INTEGER", nullable: true),
                    attributed_party_id = table.Column<string>(type: "TEXT", nullable: true),
                    attribution_confidence = table.Column<string>(type: "TEXT", nullable: true),
                    clause_breached = table.Column<string>(type: "TEXT", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    submission_hash = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_incidents", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "journal",
                columns: table => new
                {
                    seq = table.Column<long>(type: "INTEGER", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false),
                    actor = table.Column<string>(type: "TEXT", nullable: false),
                    action = table.Column<string>(type: "TEXT", nullable: false),
                    entity = table.Column<string>(type: "TEXT", nullable: false),
                    record_key = table.Column<string>(type: "TEXT", nullable: false),
                    before = table.Column<string>(type: "TEXT", nullable: true),
                    after = table.Column<string>(type: "TEXT", nullable: true),
                    previous_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_journal", x => x.seq);
                });

            migrationBuilder.CreateTable(
                name: "observations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    observed_from = table.Column<long>(type: "INTEGER", nullable: false),
                    observed_to = table.Column<long>(type: "INTEGER", nullable: false),
                    time_precision = table.Column<string>(type: "TEXT", nullable: false),
                    latitude = table.Column<double>(type: "REAL", nullable: false),
                    longitude = table.Column<double>(type: "REAL", nullable: false),
                    location_precision_m = table.Column<int>(type: "INTEGER", nullable: false),
                    area_name = table.Column<string>(type: "TEXT", nullable: true),
                    observer_latitude = table.Column<double>(type: "REAL", nullable: true),
                    observer_longitude = table.Column<double>(type: "REAL", nullable: true),
                    bearing_deg = table.Column<double>(type: "REAL", nullable: true),
                    distance_m = table.Column<int>(type: "INTEGER", nullable: true),
                    cell = table.Column<string>(type: "TEXT", nullable: false),
                    category = table.Column<string>(type: "TEXT", nullable: false),
                    count = table.Column<int>(type: "INTEGER", nullable: false),
                    sensor = table.Column<string>(type: "TEXT", nullable: false),
                    civilians_killed = table.Column<int>(type: "INTEGER", nullable: false),
                    civilians_injured = table.Column<int>(type: "INTEGER", nullable: false),
                    combatants_killed = table.Column<int>(type: "INTEGER", nullable: false),
                    combatants_injured = table.Column<int>(type: "INTEGER", nullable: false),
                    alleged_party_id = table.Column<string>(type: "TEXT", nullable: true),
                    weather = table.Column<string>(type: "TEXT", nullable: true),
                    view_range_m = table.Column<int>(type: "INTEGER", nullable: true),
                    narrative = table.Column<string>(type: "TEXT", nullable: false),
                    reporter_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    submitted_by_party_id = table.Column<string>(type: "TEXT", nullable: true),
                    source = table.Column<string>(type: "TEXT", nullable: false),
                    source_external_id = table.Column<string>(type: "TEXT", nullable: true),
                    source_precision = table.Column<string>(type: "TEXT", nullable: true),
                    visibility = table.Column<string>(type: "TEXT", nullable: false),
                    incident_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    received_at = table.Column<long>(type: "INTEGER", nullable: false),
                    submission_hash = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_observations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "parties",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_parties", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "settings",
                columns: table => new
                {
                    key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    value = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_settings", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "sites",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", nullable: false),
                    latitude = table.Column<double>(type: "REAL", nullable: false),
                    longitude = table.Column<double>(type: "REAL", nullable: false),
                    cell = table.Column<string>(type: "TEXT", nullable: false),
                    zone_id = table.Column<string>(type: "TEXT", nullable: true),
                    held_by_party_id = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sites", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "users",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    role = table.Column<string>(type: "TEXT", nullable: false),
                    party_id = table.Column<string>(type: "TEXT", nullable: true),
                    organisation = table.Column<string>(type: "TEXT", nullable: true),
                    password_hash = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    failed_sign_ins = table.Column<int>(type: "INTEGER", nullable: false),
                    locked_until = table.Column<long>(type: "INTEGER", nullable: true),
                    disabled = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_users", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "zones",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", nullable: false),
                    geometry_json = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_zones", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "assessments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    incident_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    analyst_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    analyst_name = table.Column<string>(type: "TEXT", nullable: false),
                    assessed_at = table.Column<long>(type: "INTEGER", nullable: false),
                    status_before = table.Column<string>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", nullable: false),
                    source_reliability = table.Column<char>(type: "TEXT", nullable: false),
                    information_credibility = table.Column<int>(type: "INTEGER", nullable: false),
                    attributed_party_id = table.Column<string>(type: "TEXT", nullable: true),
                    attribution_confidence = table.Column<string>(type: "TEXT", nullable: true),
                    clause_breached = table.Column<string>(type: "TEXT", nullable: true),
                    rationale = table.Column<string>(type: "TEXT", nullable: false),
                    visibility = table.Column<string>(type: "TEXT", nullable: true),
                    submission_hash = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assessments", x => x.id);
                    table.ForeignKey(
                        name: "fk_assessments_incidents_incident_id",
                        column: x => x.incident_id,
                        principalTable: "incidents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "observation_evidence",
                columns: table => new
                {
                    observation_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    file_name = table.Column<string>(type: "TEXT", nullable: false),
                    length = table.Column<long>(type: "INTEGER", nullable: false),
                    content_type = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_observation_evidence", x => new { x.observation_id, x.sha256 });
                    table.ForeignKey(
                        name: "fk_observation_evidence_observations_observation_id",
                        column: x => x.observation_id,
                        principalTable: "observations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_api_tokens_token_hash",
                table: "api_tokens",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_assessments_incident_id",
                table: "assessments",
                column: "incident_id");

            migrationBuilder.CreateIndex(
                name: "ix_incidents_cell",
                table: "incidents",
                column: "cell");

            migrationBuilder.CreateIndex(
                name: "ix_incidents_starts_at",
                table: "incidents",
                column: "starts_at");

            migrationBuilder.CreateIndex(
                name: "ix_incidents_status",
                table: "incidents",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ix_journal_entity_record_key",
                table: "journal",
                columns: new[] { "entity", "record_key" });

            migrationBuilder.CreateIndex(
                name: "ix_observations_cell_covering",
                table: "observations",
                columns: new[] { "cell", "observed_from", "observed_to", "latitude", "longitude", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_observations_incident_id",
                table: "observations",
                column: "incident_id");

            migrationBuilder.CreateIndex(
                name: "ix_observations_observed_from",
                table: "observations",
                column: "observed_from");

            migrationBuilder.CreateIndex(
                name: "ix_observations_source_source_external_id",
                table: "observations",
                columns: new[] { "source", "source_external_id" });

            migrationBuilder.CreateIndex(
                name: "ix_sites_cell",
                table: "sites",
                column: "cell");

            migrationBuilder.CreateIndex(
                name: "ix_users_name",
                table: "users",
                column: "name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "api_tokens");

            migrationBuilder.DropTable(
                name: "assessments");

            migrationBuilder.DropTable(
                name: "evidence_files");

            migrationBuilder.DropTable(
                name: "journal");

            migrationBuilder.DropTable(
                name: "observation_evidence");

            migrationBuilder.DropTable(
                name: "parties");

            migrationBuilder.DropTable(
                name: "settings");

            migrationBuilder.DropTable(
                name: "sites");

            migrationBuilder.DropTable(
                name: "users");

            migrationBuilder.DropTable(
                name: "zones");

            migrationBuilder.DropTable(
                name: "incidents");

            migrationBuilder.DropTable(
                name: "observations");
        }
    }
}
