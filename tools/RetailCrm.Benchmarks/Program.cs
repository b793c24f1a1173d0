using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(RetailCrm.Benchmarks.RequestChecksBenchmark).Assembly).Run(args);
