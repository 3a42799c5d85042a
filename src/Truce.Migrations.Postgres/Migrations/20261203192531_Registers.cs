using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Truce.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Registers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "place_id",
                table: "hazardous_area",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "clearance_task",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    hazardous_area_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation = table.Column<string>(type: "text", nullable: false),
                    starts = table.Column<DateOnly>(type: "date", nullable: false),
                    ends = table.Column<DateOnly>(type: "date", nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_clearance_task", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "damage_assessment",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    asset_id = table.Column<Guid>(type: "uuid", nullable: false),
                    level = table.Column<string>(type: "text", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_by = table.Column<string>(type: "text", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_damage_assessment", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "device_find",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    hazardous_area_id = table.Column<Guid>(type: "uuid", nullable: false),
                    device_type = table.Column<string>(type: "text", nullable: false),
                    count = table.Column<int>(type: "integer", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    recorded_by = table.Column<string>(type: "text", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_device_find", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "displacement_figure",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    place_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    country = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    displaced_present = table.Column<long>(type: "bigint", nullable: true),
                    new_displacement = table.Column<long>(type: "bigint", nullable: true),
                    returns = table.Column<long>(type: "bigint", nullable: true),
                    source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    visibility = table.Column<string>(type: "text", nullable: false),
                    recorded_by = table.Column<string>(type: "text", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_displacement_figure", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "infrastructure_asset",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    place_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    latitude = table.Column<double>(type: "double precision", nullable: false),
                    longitude = table.Column<double>(type: "double precision", nullable: false),
                    visibility = table.Column<string>(type: "text", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    submission_hash = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_infrastructure_asset", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "land_release_event",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    hazardous_area_id = table.Column<Guid>(type: "uuid", nullable: false),
                    method = table.Column<string>(type: "text", nullable: false),
                    area_m2 = table.Column<double>(type: "double precision", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    recorded_by = table.Column<string>(type: "text", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_land_release_event", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "rehabilitation_project",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    asset_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    status = table.Column<string>(type: "text", nullable: false),
                    progress_percent = table.Column<int>(type: "integer", nullable: false),
                    budget_usd = table.Column<long>(type: "bigint", nullable: true),
                    funder = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    starts = table.Column<DateOnly>(type: "date", nullable: true),
                    ends = table.Column<DateOnly>(type: "date", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rehabilitation_project", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "service_report",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    place_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    service = table.Column<string>(type: "text", nullable: false),
                    level = table.Column<string>(type: "text", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    visibility = table.Column<string>(type: "text", nullable: false),
                    recorded_by = table.Column<string>(type: "text", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    submission_hash = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_service_report", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_clearance_task_hazardous_area_id",
                table: "clearance_task",
                column: "hazardous_area_id");

            migrationBuilder.CreateIndex(
                name: "ix_damage_assessment_asset_id_date",
                table: "damage_assessment",
                columns: new[] { "asset_id", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_device_find_hazardous_area_id",
                table: "device_find",
                column: "hazardous_area_id");

            migrationBuilder.CreateIndex(
                name: "ix_displacement_figure_country_date",
                table: "displacement_figure",
                columns: new[] { "country", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_displacement_figure_place_id_date",
                table: "displacement_figure",
                columns: new[] { "place_id", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_infrastructure_asset_place_id",
                table: "infrastructure_asset",
                column: "place_id");

            migrationBuilder.CreateIndex(
                name: "ix_land_release_event_hazardous_area_id",
                table: "land_release_event",
                column: "hazardous_area_id");

            migrationBuilder.CreateIndex(
                name: "ix_rehabilitation_project_asset_id",
                table: "rehabilitation_project",
                column: "asset_id");

            migrationBuilder.CreateIndex(
                name: "ix_service_report_place_id_service_date",
                table: "service_report",
                columns: new[] { "place_id", "service", "date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "clearance_task");

            migrationBuilder.DropTable(
                name: "damage_assessment");

            migrationBuilder.DropTable(
                name: "device_find");

            migrationBuilder.DropTable(
                name: "displacement_figure");

            migrationBuilder.DropTable(
                name: "infrastructure_asset");

            migrationBuilder.DropTable(
                name: "land_release_event");

            migrationBuilder.DropTable(
                name: "rehabilitation_project");

            migrationBuilder.DropTable(
                name: "service_report");

            migrationBuilder.DropColumn(
                name: "place_id",
                table: "hazardous_area");
        }
    }
}
