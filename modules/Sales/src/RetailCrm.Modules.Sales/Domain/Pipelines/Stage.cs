using System.Text.Json;
using System.Text.Json.Serialization;
using RetailCrm.Sdk.MultiTenancy;
using RetailCrm.Sdk.Results;

namespace RetailCrm.Modules.Sales.Domain.Pipelines;

/// <summary>
/// One step of a pipeline: its probability weighs the forecast, its rotting days flag idle deals, its
/// <see cref="ExitCriteria"/> are checked before a deal leaves it, and a gated stage is entered only with the
/// supervisor's approval.
/// </summary>
internal sealed class Stage : ITenantOwned
{
    public const int MaxKeyLength = 40;
    public const int MaxNameLength = 100;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    private Stage()
    {
    }

    public Guid Id { get; private set; }

    public Guid TenantId { get; set; }

    public Guid PipelineId { get; private set; }

    /// <summary>A stable name for imports, events and reports, e.g. <c>visit</c>; unique in its pipeline.</summary>
    public string Key { get; private set; } = "";

    public string Name { get; private set; } = "";

    public string? NameZh { get; private set; }

    public int Position { get; set; }

    /// <summary>0 to 100: how likely a deal here is to be won; the forecast weighs its amount by it.</summary>
    public int Probability { get; private set; }

    /// <summary>A deal idle (no journal entry, no change) longer than this is flagged as rotting; null for never.</summary>
    public int? RottingDays { get; private set; }

    /// <summary>Entering this stage is a request the sales person's supervisor approves or sends back.</summary>
    public bool RequiresApproval { get; private set; }

    public string ExitCriteriaJson { get; private set; } = "{}";

    public ExitCriteria ExitCriteria => JsonSerializer.Deserialize<ExitCriteria>(ExitCriteriaJson, Json) ?? ExitCriteria.None;

    public string DisplayName(bool chinese) => chinese && NameZh is { } zh ? zh : Name;

    public static Result<Stage> Create(Guid pipelineId, StageSettings settings, int position)
    {
        var stage = new Stage { Id = Guid.NewGuid(), PipelineId = pipelineId, Position = position };
        var changed = stage.Change(settings);
        return changed.IsRefused ? changed.Refusal : stage;
    }

    public Result<Stage> Change(StageSettings settings)
    {
        var errors = new List<FieldRefusal>();
        var key = settings.Key?.Trim().ToLowerInvariant() ?? "";
        if (key.Length is 0 or > MaxKeyLength || !key.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            errors.Add(new FieldRefusal("key", LocalizableText.Of("A stage key has 1 to {0} lower-case letters, digits or dashes.", MaxKeyLength)));
        }

        var name = settings.Name?.Trim() ?? "";
        if (name.Length is 0 or > MaxNameLength)
        {
            errors.Add(new FieldRefusal("name", LocalizableText.Of("Give the stage a name of 1 to {0} characters.", MaxNameLength)));
        }

        var nameZh = string.IsNullOrWhiteSpace(settings.NameZh) ? null : settings.NameZh.Trim();
        if (nameZh is { Length: > MaxNameLength })
        {
            errors.Add(new FieldRefusal("nameZh", LocalizableText.Of("Give the stage a name of 1 to {0} characters.", MaxNameLength)));
        }

        if (settings.Probability is < 0 or > 100)
        {
            errors.Add(new FieldRefusal("probability", LocalizableText.Of("The probability is a whole number from 0 to 100.")));
        }

        if (settings.RottingDays is < 1 or > 3650)
        {
            errors.Add(new FieldRefusal("rottingDays", LocalizableText.Of("Rotting days are 1 to 3650, or empty for never.")));
        }

        if (errors.Count > 0)
        {
            return Refusal.Invalid("sales/stage-invalid", errors);
        }

        Key = key;
        Name = name;
        NameZh = nameZh;
        Probability = settings.Probability;
        RottingDays = settings.RottingDays;
        RequiresApproval = settings.RequiresApproval;
        ExitCriteriaJson = JsonSerializer.Serialize(settings.ExitCriteria ?? ExitCriteria.None, Json);
        return this;
    }
}

/// <summary>What an admin sets on a stage; <see cref="ExitCriteria"/> already checked.</summary>
internal sealed record StageSettings(string? Key, string? Name, string? NameZh, int Probability, int? RottingDays, bool RequiresApproval, ExitCriteria? ExitCriteria);
