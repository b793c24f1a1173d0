using RetailCrm.Modules.Analysis.Domain.Runs;

namespace RetailCrm.Modules.Analysis.Application.Recompute;

/// <summary>Times the phases of one run: each call ends the phase running and starts the next, and answers the timings so far.</summary>
internal sealed class PhaseClock(TimeProvider time)
{
    private readonly List<(RecomputePhase Phase, TimeSpan Took)> _done = [];
    private RecomputePhase? _running;
    private long _startedAt = time.GetTimestamp();

    public string Next(RecomputePhase phase)
    {
        var now = time.GetTimestamp();
        if (_running is { } running)
        {
            _done.Add((running, time.GetElapsedTime(_startedAt, now)));
        }

        (_running, _startedAt) = (phase, now);
        return RecomputeRunTimings.Format(_done);
    }
}
