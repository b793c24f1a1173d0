using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MiniExcelLibs;
using static RetailCrm.Modules.Members.Tests.Import.ImportApi;

namespace RetailCrm.Modules.Members.Tests.Import;

/// <summary>Customer import through the real host: upload, suggested mapping, dry run, all-or-nothing commit.</summary>
public abstract class CustomerImportTests(CrmHostFactory factory)
{
    private static readonly string[] Families = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗"];
    private static readonly string[] Givens = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "霞", "平"];

    private async Task<HttpClient> TenantAsync() =>
        await factory.CreateTenantAsync(await factory.SignedInClientAsync(), Names.Tenant("import"));

    /// <summary>
    /// 300 rows (file rows 2–301) with deliberate faults: bad phones in rows 10, 50 and 120, a bad
    /// e-mail in row 200; the phone of an existing customer in row 30, the e-mail of another in
    /// row 31; row 60 repeats the phone of row 20, row 61 the e-mail of row 21, row 62 the
    /// identity number of row 22.
    /// </summary>
    private static (byte[] File, int[] ErrorRows, int[] DuplicateRows) CustomersFile()
    {
        var rows = new List<string[]> { new[] { "姓名", "手机", "邮箱", "身份证号", "地址", "邮编", "标签" } };
        for (var i = 0; i < 300; i++)
        {
            var row = i + 2;
            var phone = (13800000000L + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var email = $"member{i}@example.cn";
            var identity = $"11010119900101{i:0000}";
            (phone, email, identity) = row switch
            {
                10 => ("12345", email, identity),
                50 => ("not a phone", email, identity),
                120 => ("+86 999", email, identity),
                200 => (phone, "broken@", identity),
                30 => ("139 0000 0001", email, identity),
                31 => (phone, "Existing.Two@Example.cn", identity),
                60 => ((13800000000L + 18).ToString(System.Globalization.CultureInfo.InvariantCulture), email, identity),
                61 => (phone, "member19@example.cn", identity),
                62 => (phone, email, "11010119900101" + 20.ToString("0000", System.Globalization.CultureInfo.InvariantCulture)),
                _ => (phone, email, identity),
            };
            rows.Add([Families[i % 20] + Givens[i / 20 % 20] + (i >= 400 ? "x" : ""), phone, email, identity, $"上海市长宁区延安西路{i + 1}号", "200050", i % 2 == 0 ? "vip,导入" : "导入"]);
        }

        return (Csv(rows), [10, 50, 120, 200], [30, 31, 60, 61, 62]);
    }

    private static async Task CreateExistingAsync(HttpClient client)
    {
        await CreateCustomerAsync(client, new { kind = "Person", displayName = "老客户一", phone = "13900000001" });
        await CreateCustomerAsync(client, new { kind = "Person", displayName = "老客户二", email = "existing.two@example.cn" });
    }

    [Fact]
    public async Task Should_suggest_the_mapping_from_chinese_headers()
    {
        var client = await TenantAsync();

        var batch = await UploadOkAsync(client, "members.csv", CustomersFile().File);

        batch["status"]!.GetValue<string>().ShouldBe("Uploaded");
        batch["totalRows"]!.GetValue<int>().ShouldBe(300);
        var mapping = batch["mapping"]!.AsObject().ToDictionary(kv => kv.Key, kv => kv.Value!.GetValue<string>());
        mapping.ShouldBe(new Dictionary<string, string>
        {
            ["displayName"] = "姓名", ["phone"] = "手机", ["email"] = "邮箱", ["identityNumber"] = "身份证号",
            ["street"] = "地址", ["postcode"] = "邮编", ["tags"] = "标签",
        }, ignoreOrder: true);
    }

    [Fact]
    public async Task Should_report_exactly_the_bad_and_duplicate_rows_in_the_dry_run_and_write_nothing()
    {
        var client = await TenantAsync();
        await CreateExistingAsync(client);
        var (file, errorRows, duplicateRows) = CustomersFile();
        var id = (await UploadOkAsync(client, "members.csv", file))["id"]!.GetValue<string>();

        var report = await DryRunAsync(client, id);

        Rows(report, "error").ShouldBe(errorRows);
        Rows(report, "duplicate").ShouldBe(duplicateRows);
        report["errorRows"]!.GetValue<int>().ShouldBe(4);
        report["duplicateRows"]!.GetValue<int>().ShouldBe(5);
        var issues = report["report"]!["issues"]!.AsArray();
        issues.Single(i => i!["row"]!.GetValue<int>() == 10)!["field"]!.GetValue<string>().ShouldBe("phone");
        issues.Single(i => i!["row"]!.GetValue<int>() == 10)!["column"]!.GetValue<string>().ShouldBe("手机");
        issues.Single(i => i!["row"]!.GetValue<int>() == 200)!["field"]!.GetValue<string>().ShouldBe("email");
        issues.Single(i => i!["row"]!.GetValue<int>() == 60)!["duplicateOf"]!.GetValue<string>().ShouldBe("row 20");
        issues.Single(i => i!["row"]!.GetValue<int>() == 62)!["message"]!.GetValue<string>().ShouldContain("identity number");
        issues.Where(i => i!["row"]!.GetValue<int>() == 30).Select(i => i!["message"]!.GetValue<string>()).ShouldContain(m => m.Contains("老客户一", StringComparison.Ordinal));
        (await AllCustomersAsync(client)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Should_write_nothing_when_a_row_has_an_error_and_error_rows_are_not_skipped()
    {
        var client = await TenantAsync();
        await CreateExistingAsync(client);
        var id = (await UploadOkAsync(client, "members.csv", CustomersFile().File))["id"]!.GetValue<string>();

        var response = await CommitAsync(client, id);

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = (await response.Content.ReadFromJsonAsync<JsonNode>())!;
        Rows(problem["batch"]!, "error").ShouldBe([10, 50, 120, 200]);
        (await AllCustomersAsync(client)).Count.ShouldBe(2);
        var batch = (await client.GetFromJsonAsync<JsonNode>($"/api/members/imports/{id}"))!;
        batch["status"]!.GetValue<string>().ShouldNotBe("Committed");
        batch["importedRows"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task Should_import_the_valid_rows_with_unique_generated_codes_when_error_rows_are_skipped()
    {
        var client = await TenantAsync();
        await CreateExistingAsync(client);
        var id = (await UploadOkAsync(client, "members.csv", CustomersFile().File))["id"]!.GetValue<string>();

        var batch = await CommitOkAsync(client, id, skipErrorRows: true);

        batch["status"]!.GetValue<string>().ShouldBe("Committed");
        batch["importedRows"]!.GetValue<int>().ShouldBe(300 - 4 - 5);
        var customers = await AllCustomersAsync(client);
        customers.Count.ShouldBe(2 + 291);
        var codes = customers.Select(c => c["code"]!.GetValue<string>()).ToList();
        codes.Distinct().Count().ShouldBe(codes.Count);
        codes.ShouldAllBe(c => c.Length > 0);
        var first = customers.Single(c => c["phone"]?.GetValue<string>() == "+8613800000000");
        first["displayName"]!.GetValue<string>().ShouldBe("王伟");
        first["tags"]!.AsArray().Select(t => t!.GetValue<string>()).ShouldBe(["vip", "导入"], ignoreOrder: true);
        var details = (await client.GetFromJsonAsync<JsonNode>($"/api/members/customers/{first["id"]}"))!;
        details["addresses"]![0]!["postcode"]!.GetValue<string>().ShouldBe("200050");
        details["addresses"]![0]!["street"]!.GetValue<string>().ShouldBe("上海市长宁区延安西路1号");
        details["identityNumber"]!.GetValue<string>().ShouldBe("110101199001010000");
        details["version"]!.GetValue<long>().ShouldBe(1);
        customers.ShouldNotContain(c => c["email"] != null && c["email"]!.GetValue<string>() == "member58@example.cn"); // row 60, the duplicate of row 20

        var again = await CommitAsync(client, id, skipErrorRows: true);
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await AllCustomersAsync(client)).Count.ShouldBe(293);
    }

    [Fact]
    public async Task Should_import_duplicates_when_chosen()
    {
        var client = await TenantAsync();
        await CreateExistingAsync(client);
        var id = (await UploadOkAsync(client, "members.csv", CustomersFile().File))["id"]!.GetValue<string>();

        var batch = await CommitOkAsync(client, id, skipErrorRows: true, importDuplicates: true);

        batch["importedRows"]!.GetValue<int>().ShouldBe(296);
        (await AllCustomersAsync(client)).Count.ShouldBe(298);
    }

    [Fact]
    public async Task Should_import_a_small_excel_file_with_english_headers_and_date_cells()
    {
        var client = await TenantAsync();
        var rows = new[]
        {
            new Dictionary<string, object?> { ["Name"] = "Anna Smith", ["Mobile"] = "13700000001", ["E-mail"] = "Anna@Example.com", ["Birthday"] = new DateTime(1990, 5, 17), ["Tier"] = "gold" },
            new Dictionary<string, object?> { ["Name"] = "刘洋", ["Mobile"] = 13700000002L, ["E-mail"] = null, ["Birthday"] = null, ["Tier"] = null },
        };
        using var buffer = new MemoryStream();
        buffer.SaveAs(rows);

        var uploaded = await UploadOkAsync(client, "members.xlsx", buffer.ToArray());
        var id = uploaded["id"]!.GetValue<string>();
        uploaded["mapping"]!["phone"]!.GetValue<string>().ShouldBe("Mobile");
        uploaded["mapping"]!["birthday"]!.GetValue<string>().ShouldBe("Birthday");
        var report = await DryRunAsync(client, id);
        report["errorRows"]!.GetValue<int>().ShouldBe(0, Json(report));
        await CommitOkAsync(client, id);

        var customers = await AllCustomersAsync(client);
        customers.Count.ShouldBe(2);
        var anna = customers.Single(c => c["displayName"]!.GetValue<string>() == "Anna Smith");
        anna["phone"]!.GetValue<string>().ShouldBe("+8613700000001");
        anna["email"]!.GetValue<string>().ShouldBe("anna@example.com");
        anna["birthday"]!.GetValue<string>().ShouldBe("1990-05-17");
        anna["tier"]!.GetValue<string>().ShouldBe("gold");
        customers.Single(c => c["displayName"]!.GetValue<string>() == "刘洋")["phone"]!.GetValue<string>().ShouldBe("+8613700000002");
    }

    [Fact]
    public async Task Should_answer_problem_details_for_bad_uploads_and_mappings()
    {
        var client = await TenantAsync();

        var noFile = await client.PostAsync("/api/members/imports", new MultipartFormDataContent { { new StringContent("Customers"), "kind" } });
        noFile.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        noFile.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await UploadAsync(client, "a.csv", Csv([["Name"], ["x"]]), kind: "Cards")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await UploadAsync(client, "empty.csv", [])).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await UploadAsync(client, "broken.xlsx", "PK\u0003\u0004 not really a workbook"u8.ToArray())).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var id = (await UploadOkAsync(client, "m.csv", Csv([["Name", "Phone"], ["张伟", "13800000000"]])))["id"]!.GetValue<string>();
        var bad = await client.PutAsJsonAsync($"/api/members/imports/{id}/mapping", new { mapping = new Dictionary<string, string> { ["phone"] = "Phone", ["shoeSize"] = "Name", ["email"] = "Nope" } });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonNode>())!["errors"]!.AsObject();
        errors.Select(e => e.Key).ShouldBe(["shoeSize", "email", "displayName"], ignoreOrder: true);

        var good = await client.PutAsJsonAsync($"/api/members/imports/{id}/mapping", new { mapping = new Dictionary<string, string> { ["displayName"] = "Name", ["phone"] = "Phone" } });
        good.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync($"/api/members/imports/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Should_keep_batches_to_their_tenant()
    {
        var first = await TenantAsync();
        var second = await TenantAsync();
        var id = (await UploadOkAsync(first, "m.csv", Csv([["姓名", "手机"], ["张伟", "13800000000"]])))["id"]!.GetValue<string>();

        (await second.GetAsync($"/api/members/imports/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await second.PostAsync($"/api/members/imports/{id}/dry-run", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await CommitAsync(second, id)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await first.GetAsync($"/api/members/imports/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await CommitOkAsync(first, id);
        (await AllCustomersAsync(first)).Count.ShouldBe(1);
        (await AllCustomersAsync(second)).Count.ShouldBe(0);
    }

    [Fact]
    public async Task Should_show_the_wizard_and_the_menu_item()
    {
        var client = await TenantAsync();
        var id = (await UploadOkAsync(client, "m.csv", Csv([["姓名", "手机"], ["张伟", "12345"]])))["id"]!.GetValue<string>();
        await DryRunAsync(client, id);

        var list = await client.GetStringAsync("/members/imports");
        list.ShouldContain("data-menu-key=\"members.imports\"");
        list.ShouldContain("enctype=\"multipart/form-data\"");
        list.ShouldContain("m.csv");
        var page = await client.GetStringAsync($"/members/imports/{id}");
        page.ShouldContain("name=\"map.displayName\"");
        page.ShouldContain("id=\"import-report\"");
        page.ShouldContain("data-row=\"2\" data-kind=\"error\"");
        page.ShouldContain("action=\"/members/imports/" + id + "/commit\"");
    }

    [Fact]
    public async Task Should_show_the_findings_field_names_and_status_in_chinese()
    {
        var client = await TenantAsync();
        var id = (await UploadOkAsync(client, "m.csv", Csv([["姓名", "手机", "生日"], ["张伟", "12345", "yesterday"]])))["id"]!.GetValue<string>();
        await DryRunAsync(client, id);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        var page = await client.GetStringAsync($"/members/imports/{id}");

        page.ShouldContain("已试运行");
        page.ShouldNotContain("DryRun");
        var report = page[page.IndexOf("id=\"import-report\"", StringComparison.Ordinal)..];
        report.ShouldContain("<td>手机</td>");
        report.ShouldContain("<td>生日</td>");
        report.ShouldContain("电话号码");
        report.ShouldContain("不是日期");
        report.ShouldNotContain("is not a");
    }
}

public sealed class CustomerImportTestsOnSqlite(MembersHost host) : CustomerImportTests(host.Factory), IClassFixture<MembersHost>;

/// <summary>The bulk insert writes through the EF model's names and types; PostgreSQL proves them on the second provider.</summary>
public sealed class CustomerImportTestsOnPostgres(MembersPostgresHost host) : CustomerImportTests(host.Factory), IClassFixture<MembersPostgresHost>;
