using CivicDesk.Core.Catalog;
using Microsoft.Extensions.Time.Testing;

namespace CivicDesk.Core.Tests.Catalog;

public sealed class CatalogCacheTests
{
    private readonly FakeTimeProvider _time = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetOrLoadAsync_WithinLifetime_LoadsOnce()
    {
        CatalogCache cache = new(_time);
        int loads = 0;

        string? first = await cache.GetOrLoadAsync("k", _ => Task.FromResult<string?>($"v{++loads}"), Ct);
        _time.Advance(CatalogCache.Lifetime - TimeSpan.FromSeconds(1));
        string? second = await cache.GetOrLoadAsync("k", _ => Task.FromResult<string?>($"v{++loads}"), Ct);

        Assert.Equal("v1", first);
        Assert.Equal("v1", second);
        Assert.Equal(1, loads);
    }

    [Fact]
    public async Task GetOrLoadAsync_AfterLifetimeOrClear_LoadsAgain()
    {
        CatalogCache cache = new(_time);
        int loads = 0;

        await cache.GetOrLoadAsync("k", _ => Task.FromResult<string?>($"v{++loads}"), Ct);
        _time.Advance(CatalogCache.Lifetime);
        string? expired = await cache.GetOrLoadAsync("k", _ => Task.FromResult<string?>($"v{++loads}"), Ct);
        cache.Clear();
        string? cleared = await cache.GetOrLoadAsync("k", _ => Task.FromResult<string?>($"v{++loads}"), Ct);

        Assert.Equal("v2", expired);
        Assert.Equal("v3", cleared);
    }

    [Fact]
    public async Task GetOrLoadAsync_NothingFound_AsksAgainNextTime()
    {
        CatalogCache cache = new(_time);
        int loads = 0;

        string? missing = await cache.GetOrLoadAsync("k", _ => Counted(ref loads, null), Ct);
        string? found = await cache.GetOrLoadAsync("k", _ => Counted(ref loads, "now"), Ct);

        Assert.Null(missing);
        Assert.Equal("now", found);
        Assert.Equal(2, loads);
    }

    private static Task<string?> Counted(ref int loads, string? value)
    {
        loads++;
        return Task.FromResult(value);
    }
}
