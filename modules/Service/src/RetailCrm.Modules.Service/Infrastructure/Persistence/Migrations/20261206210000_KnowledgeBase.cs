using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RetailCrm.Modules.Service.Infrastructure.Persistence.Configurations.Knowledge;
using RetailCrm.Sdk.Data;

namespace RetailCrm.Modules.Service.Infrastructure.Persistence.Migrations;

/// <summary>
/// The knowledge base: categories, articles with their search words, feedback; and the full-text index over the
/// search words, one per provider (see <see cref="KnowledgeSearchSql"/>): an FTS5 table kept by triggers on SQLite,
/// a GIN index over the words' tsvector on PostgreSQL.
/// </summary>
[DbContext(typeof(ServiceDbContext))]
[Migration("20261206210000_KnowledgeBase")]
internal sealed class KnowledgeBase : CrmMigration
{
    protected override string ModuleId => ServiceDbContext.ModuleId;

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(Table("kb_categories"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            Name = t.Column<string>(maxLength: 100, nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + Table("kb_categories"), x => x.Id));
        CreateIndex(migrationBuilder, "kb_categories", ["TenantId", "Name"], unique: true);

        migrationBuilder.CreateTable(Table("kb_articles"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            CategoryId = t.Column<Guid>(nullable: true),
            Language = t.Column<string>(maxLength: 10, nullable: false),
            Title = t.Column<string>(maxLength: 200, nullable: false),
            Body = t.Column<string>(nullable: false),
            IsPublished = t.Column<bool>(nullable: false),
            CreatedAt = t.Column<DateTime>(nullable: false),
            UpdatedAt = t.Column<DateTime>(nullable: false),
            UpdatedBy = t.Column<string>(maxLength: 200, nullable: false),
            SearchTitle = t.Column<string>(nullable: false),
            SearchBody = t.Column<string>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + Table("kb_articles"), x => x.Id));
        CreateIndex(migrationBuilder, "kb_articles", ["TenantId", "Language", "IsPublished"]);
        CreateIndex(migrationBuilder, "kb_articles", ["TenantId", "CategoryId"]);

        migrationBuilder.CreateTable(Table("kb_article_feedback"), schema: Schema, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            TenantId = t.Column<Guid>(nullable: false),
            ArticleId = t.Column<Guid>(nullable: false),
            Voter = t.Column<string>(maxLength: 200, nullable: false),
            Helpful = t.Column<bool>(nullable: false),
            VotedAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + Table("kb_article_feedback"), x => x.Id));
        CreateIndex(migrationBuilder, "kb_article_feedback", ["TenantId", "ArticleId", "Voter"], unique: true);

        var search = new KnowledgeSearchSql(new ModuleNaming(ModuleId, ModuleNaming.IsPostgres(ActiveProvider)));
        foreach (var statement in search.CreateIndex())
        {
            migrationBuilder.Sql(statement);
        }
    }
}
