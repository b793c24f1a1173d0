using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RetailCrm.Sdk.Data;

namespace RetailCrm.Kernel.Data.Migrations;

/// <summary>The threading headers of an outgoing e-mail (Message-ID, In-Reply-To, References) chosen by the sender.</summary>
[DbContext(typeof(KernelDbContext))]
[Migration("20261206213500_OutgoingMessageHeaders")]
internal sealed class OutgoingMessageHeaders : CrmMigration
{
    protected override string ModuleId => KernelDbContext.ModuleId;

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>("MessageId", Table("outgoing_messages"), maxLength: 300, nullable: true, schema: Schema);
        migrationBuilder.AddColumn<string>("InReplyTo", Table("outgoing_messages"), maxLength: 300, nullable: true, schema: Schema);
        migrationBuilder.AddColumn<string>("References", Table("outgoing_messages"), maxLength: 4000, nullable: true, schema: Schema);
    }
}
