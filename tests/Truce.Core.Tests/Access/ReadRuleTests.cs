using System.Reflection;
using Truce.Access;
using Truce.Storage;

namespace Truce.Core.Tests.Access;

/// <summary>
/// Every record type of the store says who reads it: a visibility of its own (and a public form), or a
/// declared rule. A new record type that says neither fails here instead of compiling and leaking.
/// </summary>
public sealed class ReadRuleTests
{
    private static IReadOnlyList<Type> RecordTypes()
    {
        using var db = new SqliteTruceDb(SqliteTruceDb.Options("Data Source=:memory:"), TimeProvider.System);
        return [.. db.Model.GetEntityTypes().Select(t => t.ClrType)];
    }

    /// <summary>What is wrong with the read rules of these types; empty when each has exactly one valid rule.</summary>
    private static List<string> Problems(IReadOnlyList<Type> types)
    {
        var problems = new List<string>();
        foreach (var type in types)
        {
            var visible = typeof(IHasVisibility).IsAssignableFrom(type);
            var declared = type.GetCustomAttribute<ReadByAttribute>();
            if (visible == (declared is not null))
            {
                problems.Add($"{type.Name} must either implement IHasVisibility or carry [ReadBy], not {(visible ? "both" : "neither")}.");
            }
            if (declared is { Rule: ReadRule.WithOwner } && (declared.Owner is null || !typeof(IHasVisibility).IsAssignableFrom(declared.Owner) || !types.Contains(declared.Owner)))
            {
                problems.Add($"{type.Name} is read with its owner, which must be a record type of the store with a visibility.");
            }
            if (declared is { Rule: not ReadRule.WithOwner, Owner: not null })
            {
                problems.Add($"{type.Name} names an owner but is not read with it.");
            }
        }
        return problems;
    }

    [Fact]
    public void EveryRecordTypeOfTheStoreHasExactlyOneReadRule()
    {
        var types = RecordTypes();
        Assert.Contains(typeof(Truce.Monitoring.Observation), types);
        Assert.Empty(Problems(types));
    }

    [Fact]
    public void ARecordTypeWithoutAReadRuleIsFound()
    {
        var problems = Problems([typeof(Unruled), typeof(Truce.Verification.Incident)]);
        Assert.Equal(["Unruled must either implement IHasVisibility or carry [ReadBy], not neither."], problems);
    }

    [Fact]
    public void AnOwnerWithoutAVisibilityIsFound()
    {
        Assert.Equal(["OwnedByTheUnruled is read with its owner, which must be a record type of the store with a visibility."],
            Problems([typeof(OwnedByTheUnruled), typeof(ReadByEveryone)]));
    }

    /// <summary>The public's form of each type with a visibility exists: Disclose refuses a type it has none for.</summary>
    [Fact]
    public void EveryRecordTypeWithAVisibilityHasAPublicForm()
    {
        var disclose = typeof(AccessPolicy).GetMethod(nameof(AccessPolicy.Disclose))!;
        foreach (var type in RecordTypes().Where(typeof(IHasVisibility).IsAssignableFrom))
        {
            var record = Activator.CreateInstance(type)!;
            var shown = disclose.MakeGenericMethod(type).Invoke(null, [Viewer.Anonymous, record, 5_000]);
            Assert.IsType(type, shown);
        }
        Assert.Throws<NotSupportedException>(() => Viewer.Anonymous.Disclose(new WithoutPublicForm(), 5_000));
    }

    private sealed class Unruled;

    [ReadBy(ReadRule.WithOwner, Owner = typeof(Unruled))]
    private sealed class OwnedByTheUnruled;

    [ReadBy(ReadRule.Everyone)]
    private sealed class ReadByEveryone;

    private sealed class WithoutPublicForm : IHasVisibility
    {
        public Visibility Visibility => Visibility.Public;
    }
}
