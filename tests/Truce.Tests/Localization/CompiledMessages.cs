using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;

namespace Truce.Tests.Localization;

/// <summary>
/// Every message format an assembly compiles: an interpolated string given where a <see cref="FormattableString"/> is
/// expected becomes <c>FormattableStringFactory.Create("format {0}", args)</c>, and <c>Failure.NotFound("The X")</c> says
/// "The X was not found.". Read from the IL, so a message added anywhere (a helper, a lambda, an async method) is found
/// without anyone listing it, and the format is exactly the key the localiser looks up.
/// </summary>
internal static class CompiledMessages
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    private const BindingFlags Declared =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>Each format with the type that says it (the outermost declaring type, for the test's message).</summary>
    public static IReadOnlyList<(string Format, string Where)> Of(Assembly assembly) =>
        [.. assembly.GetTypes()
            .SelectMany(t => t.GetMethods(Declared).Cast<MethodBase>().Concat(t.GetConstructors(Declared)))
            .SelectMany(m => Formats(m).Select(f => (f, Outermost(m.DeclaringType!).FullName!)))
            .Distinct()];

    private static Type Outermost(Type type) => type.DeclaringType is { } outer ? Outermost(outer) : type;

    private static IEnumerable<string> Formats(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }
        var module = method.Module;
        // The arrays being filled for a params object[] call, each with the literal that came just before it (the format), if any.
        var arrays = new Stack<string?>();
        string? lastString = null;
        string? beforeLast = null;
        var position = 0;
        while (position < il.Length)
        {
            var code = il[position] == 0xFE ? OpCodesByValue[(short)(0xFE00 | il[position + 1])] : OpCodesByValue[il[position]];
            position += code.Size;
            var operand = position;
            position += OperandSize(code.OperandType, il, operand);
            if (code == OpCodes.Ldstr)
            {
                beforeLast = lastString = module.ResolveString(BitConverter.ToInt32(il, operand));
                continue;
            }
            if (code == OpCodes.Newarr && Resolve(() => module.ResolveType(BitConverter.ToInt32(il, operand), GenericArguments(method.DeclaringType), GenericArguments(method))) == typeof(object))
            {
                arrays.Push(beforeLast);
            }
            else if ((code == OpCodes.Call || code == OpCodes.Callvirt) && Resolve(() => module.ResolveMethod(
                         BitConverter.ToInt32(il, operand), GenericArguments(method.DeclaringType), GenericArguments(method))) is MethodInfo called)
            {
                if (called.Name == nameof(Array.Empty) && called.DeclaringType == typeof(Array) && called.ReturnType == typeof(object[]))
                {
                    arrays.Push(lastString);
                }
                else if (called.GetParameters() is [.., { ParameterType: var last }] && last == typeof(object[]) && arrays.TryPop(out var format))
                {
                    if (called.DeclaringType == typeof(FormattableStringFactory) && format is not null)
                    {
                        yield return format;
                    }
                }
                else if (called.DeclaringType == typeof(Failure) && called.Name == nameof(Failure.NotFound) && lastString is not null)
                {
                    yield return $"{lastString} was not found.";
                }
            }
            // The format is the literal right before the array's length (ldc.i4 n; newarr object) or before Array.Empty.
            beforeLast = code == OpCodes.Ldstr || IsCount(code) ? beforeLast : null;
            lastString = code == OpCodes.Ldstr ? lastString : null;
        }
    }

    private static bool IsCount(OpCode code) =>
        code == OpCodes.Ldc_I4 || code == OpCodes.Ldc_I4_S || code == OpCodes.Ldc_I4_0 || code == OpCodes.Ldc_I4_1
        || code == OpCodes.Ldc_I4_2 || code == OpCodes.Ldc_I4_3 || code == OpCodes.Ldc_I4_4 || code == OpCodes.Ldc_I4_5
        || code == OpCodes.Ldc_I4_6 || code == OpCodes.Ldc_I4_7 || code == OpCodes.Ldc_I4_8;

    private static Type[]? GenericArguments(Type? type) => type is { IsGenericType: true } ? type.GetGenericArguments() : null;

    private static Type[]? GenericArguments(MethodBase method) => method.IsGenericMethod ? method.GetGenericArguments() : null;

    /// <summary>A token of a type or method in another assembly that cannot be loaded is not one of ours: skipped.</summary>
    private static T? Resolve<T>(Func<T?> resolve) where T : class
    {
        try
        {
            return resolve();
        }
        catch (Exception e) when (e is ArgumentException or TypeLoadException or FileNotFoundException or MissingMethodException or BadImageFormatException)
        {
            return null;
        }
    }

    private static int OperandSize(OperandType type, byte[] il, int at) => type switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
        _ => 4,
    };
}
