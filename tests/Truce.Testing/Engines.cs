using Truce.Storage;
using Xunit;

namespace Truce.Testing;

/// <summary>Both storage engines, for tests that must hold on each: <c>[MemberData(nameof(Engines.Both), MemberType = typeof(Engines))]</c>.</summary>
public static class Engines
{
    public static TheoryData<Engine> Both => [Engine.Sqlite, Engine.Postgres];
}
