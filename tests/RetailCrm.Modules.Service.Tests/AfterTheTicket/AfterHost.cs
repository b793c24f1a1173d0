namespace RetailCrm.Modules.Service.Tests.AfterTheTicket;

/// <summary>The clocked host for the tests after the ticket, starting now.</summary>
public sealed class AfterHost() : ClockedHost(DateTimeOffset.UtcNow, "after");
