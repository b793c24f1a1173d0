namespace RetailCrm.Modules.Cards.Domain;

/// <summary>Card numbers: prefix + zero-padded serial + Luhn check digit (ISO/IEC 7812).</summary>
internal static class CardNumbers
{
    public static string Format(string prefix, int length, long serial)
    {
        var body = prefix + serial.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(length - prefix.Length - 1, '0');
        if (body.Length != length - 1)
        {
            throw new InvalidOperationException($"Serial {serial} does not fit a {length}-digit number with prefix {prefix}.");
        }

        return body + CheckDigit(body);
    }

    /// <summary>The largest serial a number of this prefix and length can hold.</summary>
    public static long MaxSerial(string prefix, int length)
    {
        var digits = length - prefix.Length - 1;
        return digits >= 18 ? long.MaxValue : (long)Math.Pow(10, digits) - 1;
    }

    public static char CheckDigit(string body)
    {
        var sum = 0;
        var doubled = true;
        for (var i = body.Length - 1; i >= 0; i--)
        {
            var d = body[i] - '0';
            if (doubled)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubled = !doubled;
        }

        return (char)('0' + ((10 - (sum % 10)) % 10));
    }

    public static bool IsValid(string number) =>
        number.Length >= 2 && number.All(char.IsAsciiDigit) && CheckDigit(number[..^1]) == number[^1];
}
