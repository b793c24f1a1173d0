using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RetailCrm.Sdk.Data;

namespace RetailCrm.Modules.Service.Infrastructure.Persistence.Migrations;

/// <summary>
/// The queue with a million tickets. The search text gains the contact's phone, so that one index serves every
/// search; e-mail addresses are kept in lower case and looked up by an index of their own. On PostgreSQL: a trigram
/// GIN index (pg_trgm, a trusted extension) for <c>LIKE '%term%'</c> over the search text, and the queue's order
/// (urgent first, then the latest change) as two indexes, one over the tickets not yet resolved and one over all of
/// them, so a page is read off an index instead of sorting the table. SQLite, the embedded default for a few
/// thousand tickets, keeps its plain indexes.
/// </summary>
[DbContext(typeof(ServiceDbContext))]
[Migration("20261207010000_QueueIndexes")]
internal sealed class QueueIndexes : CrmMigration
{
    private const string QueueOrder = """("TenantId", ("Priority" = 'Urgent') DESC, "UpdatedAt" DESC)""";

    protected override string ModuleId => ServiceDbContext.ModuleId;

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var tickets = Schema is null ? Table("tickets") : $"{Schema}.{Table("tickets")}";
        migrationBuilder.Sql($"""
            UPDATE {tickets} SET "SearchText" = substr("SearchText" || ' ' || "ContactPhone", 1, 600) WHERE "ContactPhone" IS NOT NULL;
            UPDATE {tickets} SET "ContactEmail" = lower("ContactEmail") WHERE "ContactEmail" IS NOT NULL;
            """);
        CreateIndex(migrationBuilder, "tickets", ["TenantId", "ContactEmail"]);
        if (!ModuleNaming.IsPostgres(ActiveProvider))
        {
            return;
        }

        migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
        migrationBuilder.Sql($"""CREATE INDEX "IX_tickets_SearchText" ON {tickets} USING gin ("SearchText" gin_trgm_ops);""");
        // The assignee rides along so that the Unassigned and Mine views are counted off the index too.
        migrationBuilder.Sql($"""CREATE INDEX "IX_tickets_queue_open" ON {tickets} {QueueOrder} INCLUDE ("AssigneeUserId") WHERE "MergedIntoId" IS NULL AND "Status" NOT IN ('Resolved', 'Closed');""");
        migrationBuilder.Sql($"""CREATE INDEX "IX_tickets_queue" ON {tickets} {QueueOrder} WHERE "MergedIntoId" IS NULL;""");
    }
}
