using System.Security.Cryptography;

namespace CivicDesk.Core.Identity;

/// <summary>Random passwords the system hands out once; the user must replace them at first sign-in.</summary>
public static class OneTimePasswords
{
    // No 0/O, 1/l/I: the password is read off a console and typed by hand.
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";

    /// <summary>20 characters from 54 symbols: about 115 bits of entropy.</summary>
    public static string New() => RandomNumberGenerator.GetString(Alphabet, 20);
}
