using System.Globalization;

namespace RetailCrm.Benchmarks;

/// <summary>Timings of one measured step, printed as percentiles on one line.</summary>
internal sealed class Latencies(string what)
{
    private readonly List<double> _milliseconds = [];

    public int Count => _milliseconds.Count;

    public void Add(double milliseconds) => _milliseconds.Add(milliseconds);

    public double Percentile(double p)
    {
        var sorted = _milliseconds.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1))];
    }

    /// <summary>The machine's load while measuring, as a line under the figures.</summary>
    public static void PrintLoad() =>
        Console.WriteLine($"  load average while measuring: {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a")} on {Environment.ProcessorCount} cores");

    public void Print(params double[] percentiles) =>
        Console.WriteLine($"  {what,-44} " + string.Join("   ", percentiles.Select(p =>
            string.Create(CultureInfo.InvariantCulture, $"p{p * 100:0} {Percentile(p),7:F1} ms"))));
}
