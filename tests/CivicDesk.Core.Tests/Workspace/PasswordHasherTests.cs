using CivicDesk.Core.Identity;
using Microsoft.Extensions.Options;

namespace CivicDesk.Core.Tests.Workspace;

public sealed class PasswordHasherTests
{
    private readonly PasswordHasher _hasher = new(Options.Create(new IdentityOptions { PasswordIterations = 2_000 }));

    [Fact]
    public void Hash_SamePasswordTwice_UsesDifferentSaltsAndStoresTheIterationCount()
    {
        string first = _hasher.Hash("correct horse battery");
        string second = _hasher.Hash("correct horse battery");

        Assert.NotEqual(first, second);
        string[] parts = first.Split('$');
        Assert.Equal(["pbkdf2-sha256", "2000"], parts[..2]);
        Assert.Equal(16, Convert.FromBase64String(parts[2]).Length);
        Assert.Equal(32, Convert.FromBase64String(parts[3]).Length);
        Assert.DoesNotContain("correct", first, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_RightAndWrongPasswords_AcceptsOnlyTheRightOne()
    {
        string stored = _hasher.Hash("correct horse battery");

        Assert.True(PasswordHasher.Verify("correct horse battery", stored));
        Assert.False(PasswordHasher.Verify("correct horse batterY", stored));
        Assert.False(PasswordHasher.Verify(string.Empty, stored));
    }

    [Fact]
    public void Verify_HashMadeWithOtherIterationCount_UsesTheCountStoredInTheHash()
    {
        PasswordHasher stronger = new(Options.Create(new IdentityOptions { PasswordIterations = 3_000 }));
        string stored = _hasher.Hash("correct horse battery");

        Assert.True(PasswordHasher.Verify("correct horse battery", stored));
        Assert.True(stronger.NeedsRehash(stored));
        Assert.False(_hasher.NeedsRehash(stored));
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain")]
    [InlineData("pbkdf2-sha256$abc$AAAA$AAAA")]
    [InlineData("pbkdf2-sha256$1000$not base64!$AAAA")]
    [InlineData("md5$1000$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    public void Verify_MalformedStoredHash_RefusesWithoutThrowing(string stored)
    {
        Assert.False(PasswordHasher.Verify("anything at all", stored));
    }

    [Fact]
    public void Decoy_AnyPassword_NeverMatches()
    {
        Assert.False(PasswordHasher.Verify(string.Empty, _hasher.Decoy));
        Assert.False(PasswordHasher.Verify("correct horse battery", _hasher.Decoy));
    }

    [Fact]
    public void DefaultOptions_NewHashes_UseAtLeast600000Iterations()
    {
        Assert.True(new IdentityOptions().PasswordIterations >= 600_000);
    }
}
