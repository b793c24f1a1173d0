namespace RetailCrm.Modules.Service.Application.Calls;

/// <summary>
/// One event of a call as the PBX posts it: <c>event</c> is <c>ringing</c>, <c>answered</c> or <c>ended</c>;
/// <c>at</c> (UTC) defaults to the time it arrives; <c>recordingUrl</c> comes with <c>ended</c>.
/// </summary>
internal sealed record CtiEventRequest(
    string? CallId,
    string? Event,
    string? From,
    string? To,
    string? Extension,
    DateTime? At,
    string? RecordingUrl);
