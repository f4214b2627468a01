using System.Security.Cryptography;
using System.Text;

namespace CivicDesk.Core.Identity;

/// <summary>
/// The shape of an API key: <c>cdk_</c>, an eight-character prefix that finds the stored row, an underscore,
/// and 43 characters of base64url holding 256 random bits, such as <c>cdk_7kqm2d9x_…</c>.
/// Only the SHA-256 hash of the whole key is stored. A fast hash is enough here because the secret is
/// random and long, unlike a password.
/// </summary>
public static class ApiKeySecrets
{
    public const string Marker = "cdk_";
    public const int PrefixLength = 8;
    public const int SecretBytes = 32;

    private const string PrefixAlphabet = "0123456789abcdefghjkmnpqrstvwxyz";
    private static readonly int KeyLength = Marker.Length + PrefixLength + 1 + Base64UrlLength(SecretBytes);

    /// <summary>A new key from the operating system's cryptographic random generator.</summary>
    public static (string Key, string Prefix) Generate()
    {
        Span<byte> prefixBytes = stackalloc byte[PrefixLength];
        RandomNumberGenerator.Fill(prefixBytes);
        Span<char> prefix = stackalloc char[PrefixLength];
        for (int i = 0; i < PrefixLength; i++)
        {
            prefix[i] = PrefixAlphabet[prefixBytes[i] & 31];
        }

        string secret = Base64Url(RandomNumberGenerator.GetBytes(SecretBytes));
        string prefixText = new(prefix);
        return ($"{Marker}{prefixText}_{secret}", prefixText);
    }

    /// <summary>The prefix of a presented key, or null when the text does not have the shape of a key.</summary>
    public static string? PrefixOf(string? key)
    {
        if (key is null || key.Length != KeyLength || !key.StartsWith(Marker, StringComparison.Ordinal)
            || key[Marker.Length + PrefixLength] != '_')
        {
            return null;
        }

        string prefix = key.Substring(Marker.Length, PrefixLength);
        return prefix.All(c => PrefixAlphabet.Contains(c, StringComparison.Ordinal)) ? prefix : null;
    }

    /// <summary>Reads a prefix as an operator types it: with or without the <c>cdk_</c> marker, any case.</summary>
    public static string NormalizePrefix(string typed)
    {
        string trimmed = typed.Trim().ToLowerInvariant();
        return trimmed.StartsWith(Marker, StringComparison.Ordinal) ? trimmed[Marker.Length..] : trimmed;
    }

    public static string Hash(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Compares a presented key with a stored hash in time independent of where they differ.</summary>
    public static bool Matches(string key, string storedHash)
    {
        byte[] presented = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        byte[] stored;
        try
        {
            stored = Convert.FromHexString(storedHash);
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(presented, stored);
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static int Base64UrlLength(int bytes) => (bytes * 4 + 2) / 3;
}
