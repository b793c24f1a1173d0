using BenchmarkDotNet.Running;

namespace RetailCrm.Benchmarks;

internal static class BenchmarksEntry
{
    /// <summary>BenchmarkDotNet for the micro benchmarks; <c>import [rows]</c> for the customer import figure, too long a single run for BenchmarkDotNet;
    /// <c>till --url ...</c> for till payments against a running host (tools/bench-till.sh); <c>service-queue</c>,
    /// <c>screen-pop</c> and <c>inbound-mail</c> for the service module's figures; <c>sales-pipeline</c> for the board,
    /// forecast and stage moves; <c>analysis-rfm [purchases] [customers]</c> for the analysis module's RFM.</summary>
    private static async Task<int> Main(string[] args)
    {
        if (args is ["import", ..])
        {
            return await CustomerImportBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000);
        }

        if (args is ["service-queue", ..])
        {
            return await ServiceQueueBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000);
        }

        if (args is ["screen-pop", ..])
        {
            return await ScreenPopBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200);
        }

        if (args is ["inbound-mail", ..])
        {
            return await InboundMailBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2_000);
        }

        if (args is ["sales-pipeline", ..])
        {
            return await SalesPipelineBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000);
        }

        if (args is ["analysis-rfm", ..])
        {
            return await AnalysisRfmBenchmark.RunAsync(
                args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000_000,
                args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000);
        }

        if (args is ["till", ..])
        {
            return await TillBenchmark.RunAsync(args);
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarksEntry).Assembly).Run(args);
        return 0;
    }
}
