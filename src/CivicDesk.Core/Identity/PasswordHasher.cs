using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace CivicDesk.Core.Identity;

/// <summary>
/// Hashes staff passwords with PBKDF2-SHA256 and a random salt per password. The stored text names the
/// algorithm and the iteration count, <c>pbkdf2-sha256$ITERATIONS$SALT$HASH</c>, so the count can rise
/// without invalidating existing hashes.
/// </summary>
public sealed class PasswordHasher(IOptions<IdentityOptions> options)
{
    private const string Algorithm = "pbkdf2-sha256";
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    public int Iterations => options.Value.PasswordIterations;

    /// <summary>
    /// A well-formed hash no password matches. Verifying against it when a user name is unknown makes the
    /// answer take as long as for a real account.
    /// </summary>
    public string Decoy => string.Join(
        '$',
        Algorithm,
        Iterations.ToString(CultureInfo.InvariantCulture),
        Convert.ToBase64String(new byte[SaltBytes]),
        Convert.ToBase64String(new byte[HashBytes]));

    public string Hash(string password)
    {
        byte[] salt = RandomNumberGenerator.GetBytes(SaltBytes);
        byte[] hash = Derive(password, salt, Iterations);
        return string.Join(
            '$',
            Algorithm,
            Iterations.ToString(CultureInfo.InvariantCulture),
            Convert.ToBase64String(salt),
            Convert.ToBase64String(hash));
    }

    /// <summary>True when <paramref name="password"/> matches; the comparison takes the same time either way.</summary>
    public static bool Verify(string password, string stored)
    {
        if (!TryParse(stored, out int iterations, out byte[] salt, out byte[] expected))
        {
            return false;
        }

        byte[] actual = Derive(password, salt, iterations);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>True when the stored hash used fewer rounds than new hashes get.</summary>
    public bool NeedsRehash(string stored) =>
        !TryParse(stored, out int iterations, out _, out _) || iterations < Iterations;

    private static byte[] Derive(string password, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256,
            HashBytes);

    private static bool TryParse(string stored, out int iterations, out byte[] salt, out byte[] hash)
    {
        iterations = 0;
        salt = [];
        hash = [];
        string[] parts = stored.Split('$');
        if (parts.Length != 4 || parts[0] != Algorithm
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out iterations)
            || iterations < 1)
        {
            return false;
        }

        try
        {
            salt = Convert.FromBase64String(parts[2]);
            hash = Convert.FromBase64String(parts[3]);
        }
        catch (FormatException)
        {
            return false;
        }

        return salt.Length > 0 && hash.Length == HashBytes;
    }
}
