using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace RetailCrm.Benchmarks;

/// <summary>
/// Imports generated customers (Chinese names, mobile phones, e-mails, addresses, about 1% repeated
/// phones) through the real path: the members module in the real host on SQLite, over HTTP
/// (in-memory server): upload, dry run, commit. Prints each step's time and rows per second.
/// </summary>
internal static partial class CustomerImportBenchmark
{
    private static readonly string[] Families = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "欧阳", "司马"];
    private static readonly string[] GivenChars = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀", "英", "霞", "平", "刚", "桂", "兰", "建", "华", "文", "玉", "红", "志", "婷", "雪", "晨", "浩", "宇", "欣", "怡", "子", "涵", "梓"];
    private static readonly string[] Cities = ["上海市|长宁区|200050", "北京市|朝阳区|100020", "广州市|天河区|510620", "深圳市|南山区|518052", "杭州市|西湖区|310012", "成都市|武侯区|610041"];

    public static async Task<int> RunAsync(int rows)
    {
        var data = Path.Combine(Path.GetTempPath(), "retailcrm-bench-import-" + Guid.NewGuid().ToString("N"));
        using var factory = BenchClient.Host(data);
        try
        {
            var client = await BenchClient.SignInAsync(factory);
            var file = Generate(rows);
            Console.WriteLine($"customer import, {rows:N0} generated rows ({file.Length / 1024.0 / 1024.0:F1} MB CSV), SQLite, real host over HTTP");

            var total = Stopwatch.StartNew();
            var totalCpu = Cpu();
            var step = Stopwatch.StartNew();
            var stepCpu = Cpu();
            using var form = new MultipartFormDataContent { { new ByteArrayContent(file), "file", "customers.csv" }, { new StringContent("Customers"), "kind" } };
            var upload = await client.PostAsync("/api/members/imports", form);
            Ensure(upload, HttpStatusCode.Created);
            var id = (await upload.Content.ReadFromJsonAsync<JsonNode>())!["id"]!.GetValue<string>();
            Report("upload (parse, suggest mapping, store file)", step, stepCpu, rows);

            step.Restart();
            stepCpu = Cpu();
            var dryRun = await client.PostAsync($"/api/members/imports/{id}/dry-run", null);
            Ensure(dryRun, HttpStatusCode.OK);
            var report = (await dryRun.Content.ReadFromJsonAsync<JsonNode>())!;
            Report($"dry run ({report["errorRows"]} error rows, {report["duplicateRows"]} duplicates)", step, stepCpu, rows);

            step.Restart();
            stepCpu = Cpu();
            var commit = await client.PostAsJsonAsync($"/api/members/imports/{id}/commit", new { skipErrorRows = true, importDuplicates = false });
            Ensure(commit, HttpStatusCode.OK);
            var imported = (await commit.Content.ReadFromJsonAsync<JsonNode>())!["importedRows"]!.GetValue<int>();
            Report($"commit ({imported:N0} customers written, one transaction)", step, stepCpu, rows);
            Report("whole import: upload + dry run + commit", total, totalCpu, rows);
            Console.WriteLine($"  load average while measuring: {LoadAverage()}");
            return 0;
        }
        finally
        {
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
                // SQLite may still hold the file for a moment.
            }
        }
    }

    /// <summary>Wall time, and the process's CPU time: on a shared, busy machine the wall time overstates what the import costs.</summary>
    private static void Report(string what, Stopwatch watch, TimeSpan cpuAtStart, int rows)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuAtStart;
        Console.WriteLine($"  {what,-62} {watch.Elapsed.TotalSeconds,7:F1} s  {rows / watch.Elapsed.TotalSeconds,9:N0} rows/s   (CPU {cpu.TotalSeconds:F1} s)");
    }

    private static TimeSpan Cpu() => Process.GetCurrentProcess().TotalProcessorTime;

    private static void Ensure(HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException($"{(int)response.StatusCode}: {response.Content.ReadAsStringAsync().Result[..Math.Min(2000, (int)(response.Content.Headers.ContentLength ?? 2000))]}");
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] + $" on {Environment.ProcessorCount} cores" : "n/a";

    private static byte[] Generate(int rows)
    {
        var random = new Random(20261123);
        var text = new StringBuilder(rows * 120);
        text.Append("姓名,手机,邮箱,生日,地址,邮编,标签\n");
        for (var i = 0; i < rows; i++)
        {
            var family = Families[random.Next(Families.Length)];
            var given = GivenChars[random.Next(GivenChars.Length)] + (random.Next(3) == 0 ? "" : GivenChars[random.Next(GivenChars.Length)]);
            // About 1% repeat an earlier row's phone: the in-file duplicates an import must catch.
            var n = i > 100 && random.Next(100) == 0 ? random.Next(i) : i;
            var phone = (13000000000L + (n * 7919L % 900_000_000L)).ToString(CultureInfo.InvariantCulture);
            var city = Cities[random.Next(Cities.Length)].Split('|');
            var birthday = new DateOnly(1950, 1, 1).AddDays(random.Next(365 * 55)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"{family}{given},{phone},m{i}@example.cn,{birthday},{city[0]}{city[1]}建设路{random.Next(1, 999)}号,{city[2]},{(random.Next(4) == 0 ? "vip" : "")}\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }


}
