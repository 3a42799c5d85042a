using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Truce.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class NearTimeVisibility : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_observations_near_time_covering",
                table: "observations");

            migrationBuilder.DropIndex(
                name: "ix_incidents_near_time_covering",
                table: "incidents");

            migrationBuilder.CreateIndex(
                name: "ix_observations_near_time_covering",
                table: "observations",
                columns: new[] { "near_time_key", "cell", "observed_from", "observed_to", "latitude", "longitude", "id", "visibility", "submitted_by_party_id" });

            migrationBuilder.CreateIndex(
                name: "ix_incidents_near_time_covering",
                table: "incidents",
                columns: new[] { "near_time_key", "cell", "starts_at", "ends_at", "latitude", "longitude", "id", "visibility" });
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

            migrationBuilder.CreateIndex(
                name: "ix_observations_near_time_covering",
                table: "observations",
                columns: new[] { "near_time_key", "cell", "observed_from", "observed_to", "latitude", "longitude", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_incidents_near_time_covering",
                table: "incidents",
                columns: new[] { "near_time_key", "cell", "starts_at", "ends_at", "latitude", "longitude", "id" });
        }
    }
}
