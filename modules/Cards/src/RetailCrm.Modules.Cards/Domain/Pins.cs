using System.Security.Cryptography;

namespace RetailCrm.Modules.Cards.Domain;

/// <summary>PINs are stored as salted PBKDF2 hashes, never in clear.</summary>
internal static class Pins
{
    private const int Iterations = 100_000;

    public static bool IsWellFormed(string? pin) => pin is { Length: >= 4 and <= 8 } && pin.All(char.IsAsciiDigit);

    public static string Hash(string pin)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(pin, salt, Iterations, HashAlgorithmName.SHA256, 32);
        return $"{Convert.ToBase64String(salt)}:{Convert.ToBase64String(hash)}";
    }

    public static bool Verify(string pin, string stored)
    {
        var parts = stored.Split(':');
        if (parts.Length != 2)
        {
            return false;
        }

        var hash = Rfc2898DeriveBytes.Pbkdf2(pin, Convert.FromBase64String(parts[0]), Iterations, HashAlgorithmName.SHA256, 32);
        return CryptographicOperations.FixedTimeEquals(hash, Convert.FromBase64String(parts[1]));
    }
}
