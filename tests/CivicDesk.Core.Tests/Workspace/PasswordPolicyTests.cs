using CivicDesk.Core.Common;
using CivicDesk.Core.Identity;
using Microsoft.Extensions.Options;

namespace CivicDesk.Core.Tests.Workspace;

public sealed class PasswordPolicyTests
{
    private static readonly PasswordPolicy Policy = new(Options.Create(new IdentityOptions()));

    [Theory]
    [InlineData("short one", "too_short")]
    [InlineData("aaaaaaaaaaaa", "predictable")]
    [InlineData("abcabcabcabc", "predictable")]
    [InlineData("passwordpassword", "predictable")]
    [InlineData("123456789012", "predictable")]
    [InlineData("1234567890qwertyuiop", "predictable")]
    [InlineData("qwertyuiopasdf", "predictable")]
    [InlineData("zyxwvutsrqponm", "predictable")]
    [InlineData("qwerty123456", "predictable")]
    [InlineData("1qaz2wsx3edc", "predictable")]
    [InlineData("Password1234", "common")]
    [InlineData("P@ssw0rd2024!", "common")]
    [InlineData("Welcome2024!!", "common")]
    [InlineData("iloveyou12345", "common")]
    [InlineData("Summer2025Winter", "common")]
    [InlineData("letmein-letmeout", "contains_user_name")]
    [InlineData("CivicDesk#2025", "common")]
    public void Check_WeakPassword_IsRefusedWithItsReason(string password, string code)
    {
        FieldError? error = Policy.Check(password, "password", "letmeout");

        Assert.Equal(("password", code), (error?.Field, error?.Code));
    }

    [Theory]
    [InlineData("correct horse battery staple")]
    [InlineData("a long test passphrase")]
    [InlineData("Tram7-lantern-Oboe")]
    [InlineData("738291046573")]
    [InlineData("my cat eats 3 carrots")]
    public void Check_UnrelatedWordsOrRandomCharacters_AreAccepted(string password)
    {
        Assert.Null(Policy.Check(password, "password", "ana"));
    }

    [Fact]
    public void Check_PasswordContainingTheUserName_IsRefused()
    {
        FieldError? error = Policy.Check("my name is Ana.Diaz ok", "new_password", "ana.diaz");

        Assert.Equal(("new_password", "contains_user_name"), (error?.Field, error?.Code));
    }

    [Fact]
    public void Check_ConfiguredMinimumLength_IsTheOneApplied()
    {
        PasswordPolicy strict = new(Options.Create(new IdentityOptions { MinPasswordLength = 20 }));

        FieldError? error = strict.Check("a long test passphrase"[..19], "password", null);

        Assert.Equal("too_short", error?.Code);
        Assert.Contains("20", error?.Message, StringComparison.Ordinal);
        Assert.Null(strict.Check("a long test passphrase", "password", null));
    }
}
