using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RetailCrm.Sdk.Data;

namespace RetailCrm.Kernel.Data.Migrations;

[DbContext(typeof(KernelDbContext))]
[Migration("20261123020000_IdempotencyKeys")]
internal sealed class IdempotencyKeys : CrmMigration
{
    protected override string ModuleId => KernelDbContext.ModuleId;

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(Table("idempotency_keys"), schema: Schema, columns: t => new
        {
            TenantId = t.Column<Guid>(nullable: false),
            Caller = t.Column<string>(maxLength: 300, nullable: false),
            Key = t.Column<string>(maxLength: 255, nullable: false),
            RequestHash = t.Column<string>(maxLength: 64, nullable: false),
            Status = t.Column<int>(nullable: false),
            ResponseStatus = t.Column<int>(nullable: true),
            ResponseContentType = t.Column<string>(maxLength: 200, nullable: true),
            ResponseLocation = t.Column<string>(maxLength: 2000, nullable: true),
            ResponseBody = t.Column<byte[]>(nullable: true),
            CreatedAt = t.Column<DateTime>(nullable: false),
            ExpiresAt = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_" + Table("idempotency_keys"), x => new { x.TenantId, x.Caller, x.Key }));
        CreateIndex(migrationBuilder, "idempotency_keys", ["ExpiresAt"]);
    }
}
