using CivicDesk.Core.Identity;

namespace CivicDesk.Core.Tests.Identity;

public sealed class ApiKeySecretsTests
{
    [Fact]
    public void Generate_TwoKeys_DifferAndCarryTheirPrefix()
    {
        (string first, string firstPrefix) = ApiKeySecrets.Generate();
        (string second, _) = ApiKeySecrets.Generate();

        Assert.NotEqual(first, second);
        Assert.Equal(firstPrefix, ApiKeySecrets.PrefixOf(first));
        Assert.Equal(56, first.Length);
    }

    [Theory]
    [InlineData("")]
    [InlineData("cdk_")]
    [InlineData("cdk_ABCDEFGH_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("xyz_abcdefgh_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("cdk_abcdefgh-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("cdk_abcdefgh_AAAA")]
    public void PrefixOf_TextNotShapedLikeAKey_IsNull(string text)
    {
        string? prefix = ApiKeySecrets.PrefixOf(text);

        Assert.Null(prefix);
    }

    [Fact]
    public void Matches_SameKeyOrOneCharacterOff_OnlyTheSameKeyMatches()
    {
        (string key, _) = ApiKeySecrets.Generate();
        string hash = ApiKeySecrets.Hash(key);
        string altered = key[..^1] + (key[^1] == 'A' ? 'B' : 'A');

        Assert.True(ApiKeySecrets.Matches(key, hash));
        Assert.False(ApiKeySecrets.Matches(altered, hash));
        Assert.False(ApiKeySecrets.Matches(key, "not-hex"));
        Assert.DoesNotContain(key[13..], hash, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abcd1234", "abcd1234")]
    [InlineData(" CDK_ABCD1234 ", "abcd1234")]
    [InlineData("ABCD1234", "abcd1234")]
    public void NormalizePrefix_AsTyped_GivesTheStoredPrefix(string typed, string expected)
    {
        string prefix = ApiKeySecrets.NormalizePrefix(typed);

        Assert.Equal(expected, prefix);
    }
}
