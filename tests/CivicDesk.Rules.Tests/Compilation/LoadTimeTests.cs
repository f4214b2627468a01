using System.Diagnostics;
using CivicDesk.Testing;

namespace CivicDesk.Rules.Tests.Compilation;

/// <summary>Timed alone: the suite's property and fuzz tests would otherwise share the two cores with it.</summary>
[CollectionDefinition(nameof(LoadTimeTests), DisableParallelization = true)]
[Collection(nameof(LoadTimeTests))]
public sealed class LoadTimeTests
{
    [Fact]
    public void EraRules_WithEveryAreaForTwoYears_LoadAndCompileWithinOneSecond()
    {
        string folder = RepositoryPaths.Samples("rules");
        Dictionary<string, string> files = Directory.GetFiles(folder, "*.rules")
            .ToDictionary(f => Path.GetFileName(f), File.ReadAllText, StringComparer.Ordinal);
        RuleSetLoader.Load("era.rules", files.GetValueOrDefault).Compile();

        TimeSpan best = TimeSpan.MaxValue;
        for (int round = 0; round < 3; round++)
        {
            Stopwatch watch = Stopwatch.StartNew();
            RuleSetLoader.Load("era.rules", files.GetValueOrDefault).Compile();
            best = watch.Elapsed < best ? watch.Elapsed : best;
        }

        Assert.True(best < TimeSpan.FromSeconds(1), $"parse, check and compile took {best.TotalMilliseconds} ms");
    }
}
