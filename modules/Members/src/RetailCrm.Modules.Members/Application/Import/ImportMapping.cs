using System.Text;
using RetailCrm.Modules.Members.Domain;
using RetailCrm.Sdk.Results;
using RetailCrm.Sdk.Web;

namespace RetailCrm.Modules.Members.Application.Import;

/// <summary>A field an import column can go to, with the header names (English and Chinese) it is recognized by.</summary>
internal sealed record ImportField(string Key, string Label, string LabelZh, bool Required, IReadOnlyList<string> Synonyms);

/// <summary>The fields of customer and purchase imports, and the mapping from file columns to them.</summary>
internal static class ImportFields
{
    public const string CustomPrefix = "custom:";

    private static readonly ImportField[] CustomerFields =
    [
        new("displayName", "Name", "姓名", true, ["name", "full name", "customer name", "member name", "display name", "company", "company name", "姓名", "名称", "客户名称", "会员姓名", "客户姓名", "公司名称"]),
        new("familyName", "Family name", "姓", false, ["family name", "last name", "surname", "姓", "姓氏"]),
        new("givenName", "Given name", "名", false, ["given name", "first name", "名", "名字"]),
        new("kind", "Kind (person / organization)", "类型（个人/企业）", false, ["kind", "type", "customer type", "类型", "客户类型"]),
        new("gender", "Gender", "性别", false, ["gender", "sex", "性别"]),
        new("birthday", "Birthday", "生日", false, ["birthday", "birth date", "date of birth", "dob", "生日", "出生日期", "出生年月"]),
        new("identityNumber", "Identity number", "证件号码", false, ["identity number", "id number", "id card", "id no", "identity", "身份证", "身份证号", "身份证号码", "证件号", "证件号码"]),
        new("phone", "Phone", "手机", false, ["phone", "mobile", "mobile phone", "cell", "cellphone", "tel", "telephone", "phone number", "手机", "手机号", "手机号码", "电话", "联系电话", "移动电话"]),
        new("email", "E-mail", "邮箱", false, ["email", "e-mail", "mail", "email address", "邮箱", "电子邮件", "电子邮箱", "邮件"]),
        new("street", "Address", "地址", false, ["address", "street", "street address", "地址", "详细地址", "住址", "联系地址"]),
        new("province", "Province", "省份", false, ["province", "state", "省", "省份"]),
        new("city", "City", "城市", false, ["city", "城市", "市"]),
        new("district", "District", "区县", false, ["district", "county", "区", "区县"]),
        new("postcode", "Postcode", "邮编", false, ["postcode", "post code", "postal code", "zip", "zip code", "邮编", "邮政编码"]),
        new("tags", "Tags", "标签", false, ["tags", "tag", "labels", "标签"]),
        new("tier", "Tier", "等级", false, ["tier", "level", "grade", "member level", "等级", "会员等级", "级别"]),
        new("marketingConsent", "Marketing consent", "同意营销", false, ["marketing consent", "consent", "opt in", "同意营销", "营销许可", "接受营销"]),
        new("notes", "Notes", "备注", false, ["notes", "note", "remark", "remarks", "comment", "comments", "备注", "说明"]),
    ];

    private static readonly ImportField[] PurchaseFields =
    [
        new("customerCode", "Customer code", "客户编号", false, ["customer code", "code", "member code", "member no", "customer no", "客户编号", "客户代码", "会员编号", "会员号", "会员卡号"]),
        new("phone", "Phone", "手机", false, ["phone", "mobile", "mobile phone", "tel", "telephone", "手机", "手机号", "手机号码", "电话", "联系电话"]),
        new("receiptId", "Receipt id", "小票号", true, ["receipt id", "receipt", "receipt no", "receipt number", "transaction id", "order no", "小票号", "小票编号", "单号", "流水号", "交易号", "订单号"]),
        new("amount", "Amount", "金额", true, ["amount", "total", "sum", "value", "金额", "消费金额", "实付金额", "总金额"]),
        new("purchasedAt", "Time", "消费时间", true, ["time", "date", "purchased at", "purchase time", "purchase date", "datetime", "时间", "日期", "消费时间", "消费日期", "交易时间"]),
        new("storeCode", "Store", "门店", false, ["store", "store code", "shop", "门店", "门店编号", "店铺", "门店代码"]),
        new("tender", "Tender", "支付方式", false, ["tender", "payment", "payment method", "pay type", "支付方式", "付款方式", "支付类型"]),
        new("currency", "Currency", "币种", false, ["currency", "币种", "货币"]),
    ];

    public static IReadOnlyList<ImportField> For(ImportKind kind, IReadOnlyList<CustomFieldDefinition> customFields) => kind == ImportKind.Purchases
        ? PurchaseFields
        : [.. CustomerFields, .. customFields.Select(f => new ImportField(
            CustomPrefix + f.Key, f.Label, f.LabelZh ?? f.Label, f.Required, [f.Key, f.Label, .. f.LabelZh is null ? Array.Empty<string>() : [f.LabelZh]]))];

    /// <summary>Target field to column header for every header recognized by name; each header is used once.</summary>
    public static Dictionary<string, string> Suggest(IReadOnlyList<ImportField> fields, IReadOnlyList<string> headers)
    {
        var mapping = new Dictionary<string, string>(StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            var synonyms = field.Synonyms.Append(field.Key).Select(Key).ToHashSet(StringComparer.Ordinal);
            var header = headers.FirstOrDefault(h => h.Length > 0 && !used.Contains(h) && synonyms.Contains(Key(h)));
            if (header is not null)
            {
                mapping[field.Key] = header;
                used.Add(header);
            }
        }

        return mapping;
    }

    /// <summary>Why a mapping cannot be used, by field (the import field's key, or <c>mapping</c>); empty when it can.</summary>
    public static List<FieldRefusal> Validate(ImportKind kind, IReadOnlyList<ImportField> fields, IReadOnlyDictionary<string, string> mapping, IReadOnlyList<string> headers)
    {
        var errors = new List<FieldRefusal>();
        foreach (var (target, column) in mapping)
        {
            if (fields.All(f => f.Key != target))
            {
                errors.Add(target, "There is no field '{0}' to import into.", target);
            }
            else if (!headers.Contains(column, StringComparer.Ordinal))
            {
                errors.Add(target, "The file has no column '{0}'.", column);
            }
        }

        foreach (var field in fields.Where(f => f.Required && !mapping.ContainsKey(f.Key)))
        {
            errors.Add(field.Key, "Choose the column for {0}.", field.Label);
        }

        if (kind == ImportKind.Purchases && !mapping.ContainsKey("customerCode") && !mapping.ContainsKey("phone"))
        {
            errors.Add("customerCode", "Choose the column of the customer code or of the phone.");
        }

        if (mapping.Values.GroupBy(v => v, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            errors.Add("mapping", "The column '{0}' is chosen for more than one field.", twice.Key);
        }

        return errors;
    }

    /// <summary>A header compared without case, spaces, underscores or punctuation.</summary>
    private static string Key(string header)
    {
        var builder = new StringBuilder(header.Length);
        foreach (var c in header.Trim())
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }
}

/// <summary>A mapping resolved against a file's headers: the column index of each mapped field.</summary>
internal sealed class ResolvedMapping(IReadOnlyDictionary<string, int> columns, IReadOnlyDictionary<string, string> headers)
{
    public static ResolvedMapping Resolve(IReadOnlyDictionary<string, string> mapping, IReadOnlyList<string> headers)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (target, header) in mapping)
        {
            var index = headers.ToList().IndexOf(header);
            if (index >= 0)
            {
                columns[target] = index;
            }
        }

        return new ResolvedMapping(columns, mapping);
    }

    public bool Has(string field) => columns.ContainsKey(field);

    public IEnumerable<string> Fields => columns.Keys;

    /// <summary>The trimmed cell of a field, or null when the field is not mapped or the cell is empty.</summary>
    public string? Get(TableRow row, string field) =>
        columns.TryGetValue(field, out var index) && row[index] is { } text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

    /// <summary>The file column a field comes from, for the report.</summary>
    public string? Column(string field) => headers.GetValueOrDefault(field);
}
