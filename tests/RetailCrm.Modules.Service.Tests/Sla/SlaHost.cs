namespace RetailCrm.Modules.Service.Tests.Sla;

/// <summary>The clocked host for the SLA tests: Monday 7 December 2026, 09:00 in Shanghai at the start.</summary>
public sealed class SlaHost() : ClockedHost(MondayNine, "sla")
{
    /// <summary>Monday 2026-12-07 09:00 Asia/Shanghai.</summary>
    public static readonly DateTimeOffset MondayNine = new(2026, 12, 7, 1, 0, 0, TimeSpan.Zero);
}
