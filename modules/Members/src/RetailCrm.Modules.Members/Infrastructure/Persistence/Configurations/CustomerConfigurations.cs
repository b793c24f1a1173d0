using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RetailCrm.Modules.Members.Domain;

namespace RetailCrm.Modules.Members.Infrastructure.Persistence.Configurations;

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> b)
    {
        b.ToTable("customers");
        b.Property(x => x.Code).HasMaxLength(40);
        b.Property(x => x.DisplayName).HasMaxLength(200);
        b.Property(x => x.FamilyName).HasMaxLength(100);
        b.Property(x => x.GivenName).HasMaxLength(100);
        b.Property(x => x.NameKey).HasMaxLength(200);
        b.Property(x => x.NameInitials).HasMaxLength(Application.DataQuality.NameInitials.MaxLength);
        b.Property(x => x.Gender).HasMaxLength(20);
        b.Property(x => x.IdentityNumber).HasMaxLength(40);
        b.Property(x => x.Phone).HasMaxLength(20);
        b.Property(x => x.Email).HasMaxLength(254);
        b.Property(x => x.Tier).HasMaxLength(40);
        b.Property(x => x.Currency).HasMaxLength(3);
        b.Property(x => x.PaymentTerms).HasMaxLength(100);
        b.Property(x => x.TaxClass).HasMaxLength(40);
        b.Property(x => x.BankAccount).HasMaxLength(100);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.TenantId, x.Code }).IsUnique();
        b.HasIndex(x => new { x.TenantId, x.Phone });
        b.HasIndex(x => new { x.TenantId, x.Email });
        b.HasIndex(x => new { x.TenantId, x.IdentityNumber });
        b.HasIndex(x => new { x.TenantId, x.NameKey });
        b.HasIndex(x => new { x.TenantId, x.NameInitials });
        b.HasIndex(x => new { x.TenantId, x.OwnerUserId });
        b.HasIndex(x => new { x.TenantId, x.UnitId });
        b.HasMany(x => x.Addresses).WithOne().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.ContactPoints).WithOne().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Anniversaries).WithOne().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Tags).WithOne().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.CustomFields).WithOne().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CustomerAddressConfiguration : IEntityTypeConfiguration<CustomerAddress>
{
    public void Configure(EntityTypeBuilder<CustomerAddress> b)
    {
        b.ToTable("customer_addresses");
        b.Property(x => x.Region).HasMaxLength(2);
        b.Property(x => x.Province).HasMaxLength(100);
        b.Property(x => x.City).HasMaxLength(100);
        b.Property(x => x.District).HasMaxLength(100);
        b.Property(x => x.Street).HasMaxLength(300);
        b.Property(x => x.Postcode).HasMaxLength(20);
    }
}

internal sealed class CustomerContactPointConfiguration : IEntityTypeConfiguration<CustomerContactPoint>
{
    public void Configure(EntityTypeBuilder<CustomerContactPoint> b)
    {
        b.ToTable("customer_contact_points");
        b.Property(x => x.Value).HasMaxLength(254);
        b.Property(x => x.Label).HasMaxLength(100);
        b.HasIndex(x => new { x.TenantId, x.Kind, x.Value });
    }
}

internal sealed class CustomerAnniversaryConfiguration : IEntityTypeConfiguration<CustomerAnniversary>
{
    public void Configure(EntityTypeBuilder<CustomerAnniversary> b)
    {
        b.ToTable("customer_anniversaries");
        b.Property(x => x.Label).HasMaxLength(100);
    }
}

internal sealed class CustomerTagConfiguration : IEntityTypeConfiguration<CustomerTag>
{
    public void Configure(EntityTypeBuilder<CustomerTag> b)
    {
        b.ToTable("customer_tags");
        b.HasKey(x => new { x.CustomerId, x.Tag });
        b.Property(x => x.Tag).HasMaxLength(Application.Customers.CustomerTags.MaxLength);
        b.HasIndex(x => new { x.TenantId, x.Tag });
    }
}

internal sealed class CustomFieldDefinitionConfiguration : IEntityTypeConfiguration<CustomFieldDefinition>
{
    public void Configure(EntityTypeBuilder<CustomFieldDefinition> b)
    {
        b.ToTable("custom_field_definitions");
        b.Property(x => x.Key).HasMaxLength(60);
        b.Property(x => x.Label).HasMaxLength(100);
        b.Property(x => x.LabelZh).HasMaxLength(100);
        b.Property(x => x.Choices).HasMaxLength(2000);
        b.Ignore(x => x.ChoiceList);
        b.HasIndex(x => new { x.TenantId, x.Key }).IsUnique();
    }
}

internal sealed class CustomerFieldValueConfiguration : IEntityTypeConfiguration<CustomerFieldValue>
{
    public void Configure(EntityTypeBuilder<CustomerFieldValue> b)
    {
        b.ToTable("customer_field_values");
        b.HasKey(x => new { x.CustomerId, x.FieldKey });
        b.Property(x => x.FieldKey).HasMaxLength(60);
        b.Property(x => x.Value).HasMaxLength(1000);
        b.HasIndex(x => new { x.TenantId, x.FieldKey, x.Value });
    }
}

internal sealed class CodeSequenceConfiguration : IEntityTypeConfiguration<CodeSequence>
{
    public void Configure(EntityTypeBuilder<CodeSequence> b)
    {
        b.ToTable("code_sequences");
        b.HasKey(x => new { x.TenantId, x.Name });
        b.Property(x => x.Name).HasMaxLength(60);
    }
}
