using System.Diagnostics.CodeAnalysis;

namespace RetailCrm.Sdk.Results;

/// <summary>
/// What a use case answers: a value, or the <see cref="Refusal"/> saying why there is none. A service
/// returns either one (both convert implicitly); the web layer answers the API with <see cref="RefusalResult"/>
/// and pages with a form shown again.
/// </summary>
/// <typeparam name="T">The value of a success.</typeparam>
public sealed class Result<T>
{
    private readonly T? _value;

    private Result(T? value, Refusal? refusal)
    {
        _value = value;
        Refusal = refusal;
    }

    /// <summary>Why there is no value; null on success.</summary>
    public Refusal? Refusal { get; }

    /// <summary>Whether this is a refusal.</summary>
    [MemberNotNullWhen(true, nameof(Refusal))]
    public bool IsRefused => Refusal is not null;

    /// <summary>The value; throws on a refusal (check <see cref="IsRefused"/> first).</summary>
    public T Value => Refusal is null ? _value! : throw new InvalidOperationException($"The result is a refusal ({Refusal.Code}), not a value.");

    /// <summary>A success.</summary>
    public static implicit operator Result<T>(T value) => new(value, null);

    /// <summary>A refusal.</summary>
    public static implicit operator Result<T>(Refusal refusal) => new(default, refusal ?? throw new ArgumentNullException(nameof(refusal)));

    /// <summary>One of two answers, for a success or a refusal.</summary>
    public TOut Match<TOut>(Func<T, TOut> success, Func<Refusal, TOut> refused) => Refusal is null ? success(_value!) : refused(Refusal);

    /// <summary>The same refusal, or a success mapped to another value.</summary>
    public Result<TOut> Map<TOut>(Func<T, TOut> map) => Refusal is null ? map(_value!) : Refusal;
}
