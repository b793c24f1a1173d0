using BenchmarkDotNet.Running;

namespace RetailCrm.Benchmarks;

internal static class BenchmarksEntry
{
    private static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(BenchmarksEntry).Assembly).Run(args);
}
