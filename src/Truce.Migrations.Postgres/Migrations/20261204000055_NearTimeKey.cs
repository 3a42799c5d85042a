using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Truce.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class NearTimeKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "near_time",
                table: "observations",
                type: "integer",
                nullable: false,
                computedColumnSql: "CASE WHEN \"observed_to\" - \"observed_from\" > interval '604800 seconds' THEN 0 ELSE floor((extract(epoch from \"observed_from\" at time zone 'UTC') + 62135596800) / 604800)::integer + 1 END",
                stored: true);

            migrationBuilder.AddColumn<int>(
                name: "near_time",
                table: "incidents",
                type: "integer",
                nullable: false,
                computedColumnSql: "CASE WHEN \"ends_at\" - \"starts_at\" > interval '604800 seconds' THEN 0 ELSE floor((extract(epoch from \"starts_at\" at time zone 'UTC') + 62135596800) / 604800)::integer + 1 END",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "ix_observations_near_time_covering",
                table: "observations",
                columns: new[] { "near_time", "cell", "observed_from", "observed_to", "latitude", "longitude", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_incidents_near_time_covering",
                table: "incidents",
                columns: new[] { "near_time", "cell", "starts_at", "ends_at", "latitude", "longitude", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_observations_near_time_covering",
                table: "observations");

            migrationBuilder.DropIndex(
                name: "ix_incidents_near_time_covering",
                table: "incidents");

            migrationBuilder.DropColumn(
                name: "near_time",
                table: "observations");

            migrationBuilder.DropColumn(
                name: "near_time",
                table: "incidents");
        }
    }
}
