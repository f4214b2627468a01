using CivicDesk.Core.Identity;
using CivicDesk.Core.Identity.VerifyApiKey;
using Microsoft.Extensions.Time.Testing;
using NodaTime;

namespace CivicDesk.Core.Tests.Identity;

/// <summary>
/// The API-key cache saves a database read per Open311 call but must not keep a revoked key alive: at most its
/// lifetime when revoked by another process, not at all when forgotten by the revoking process.
/// </summary>
public sealed class ApiKeyCacheTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero));
    private readonly ApiKey _stored =
        new(Guid.NewGuid(), Guid.NewGuid(), "Partner", "abc12345", "hash", Instant.MinValue);
    private int _loads;

    [Fact]
    public async Task GetOrLoad_WithinLifetime_ReadsTheStoreOnce()
    {
        ApiKeyCache cache = new(_time);

        await cache.GetOrLoadAsync("abc12345", Load, TestContext.Current.CancellationToken);
        _time.Advance(ApiKeyCache.Lifetime - TimeSpan.FromMilliseconds(1));
        ApiKey? second = await cache.GetOrLoadAsync("abc12345", Load, TestContext.Current.CancellationToken);

        Assert.Same(_stored, second);
        Assert.Equal(1, _loads);
    }

    [Fact]
    public async Task GetOrLoad_AfterLifetime_ReadsTheStoreAgain()
    {
        ApiKeyCache cache = new(_time);

        await cache.GetOrLoadAsync("abc12345", Load, TestContext.Current.CancellationToken);
        _time.Advance(ApiKeyCache.Lifetime);
        await cache.GetOrLoadAsync("abc12345", Load, TestContext.Current.CancellationToken);

        Assert.Equal(2, _loads);
    }

    [Fact]
    public async Task Forget_ThenGetOrLoad_ReadsTheStoreAtOnce()
    {
        ApiKeyCache cache = new(_time);

        await cache.GetOrLoadAsync("abc12345", Load, TestContext.Current.CancellationToken);
        cache.Forget("abc12345");
        await cache.GetOrLoadAsync("abc12345", Load, TestContext.Current.CancellationToken);

        Assert.Equal(2, _loads);
    }

    [Fact]
    public async Task GetOrLoad_UnknownPrefix_IsNotKept()
    {
        ApiKeyCache cache = new(_time);

        ApiKey? first = await cache.GetOrLoadAsync("zzz99999", Missing, TestContext.Current.CancellationToken);
        ApiKey? second = await cache.GetOrLoadAsync("zzz99999", Missing, TestContext.Current.CancellationToken);

        Assert.Null(first);
        Assert.Null(second);
        Assert.Equal(2, _loads);
    }

    private Task<ApiKey?> Load(CancellationToken cancellationToken)
    {
        _loads++;
        return Task.FromResult<ApiKey?>(_stored);
    }

    private Task<ApiKey?> Missing(CancellationToken cancellationToken)
    {
        _loads++;
        return Task.FromResult<ApiKey?>(null);
    }
}
