using BenchmarkDotNet.Running;

namespace RetailCrm.Benchmarks;

internal static class BenchmarksEntry
{
    /// <summary>BenchmarkDotNet for the micro benchmarks; <c>import [rows]</c> for the customer import figure, too long a single run for BenchmarkDotNet.</summary>
    private static async Task<int> Main(string[] args)
    {
        if (args is ["import", ..])
        {
            return await CustomerImportBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000);
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarksEntry).Assembly).Run(args);
        return 0;
    }
}
