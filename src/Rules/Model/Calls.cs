using AlloyLint.Parser.Tree;

namespace AlloyLint.Rules.Model;

/// <summary>
/// A read of an environment variable: <c>sys.env("NAME")</c>, or the deprecated <c>env("NAME")</c>.
/// <see cref="Name"/> is null when the argument is not a constant string.
/// </summary>
public sealed record EnvironmentRead(CallExpression Call, string? Name, bool IsDeprecated);

/// <summary>Recognises function calls in expressions: their dotted names, and environment variable reads.</summary>
public static class Calls
{
    /// <summary>The dotted name of the called function (<c>sys.env</c>, <c>coalesce</c>), or null when the callee is not a name.</summary>
    public static string? FunctionName(CallExpression call) => Traversal.DottedName(call.Callee);

    /// <summary>Every call in <paramref name="expression"/> (itself included), outermost first.</summary>
    public static IEnumerable<CallExpression> In(Expression expression) => expression.DescendantsAndSelf().OfType<CallExpression>();

    /// <summary>The environment reads in <paramref name="expression"/>, e.g. both reads of <c>coalesce(sys.env("A"), env("B"))</c>.</summary>
    public static IEnumerable<EnvironmentRead> EnvironmentReads(Expression expression)
    {
        foreach (var call in In(expression))
        {
            if (AsEnvironmentRead(call) is { } read)
            {
                yield return read;
            }
        }
    }

    /// <summary>The read when <paramref name="call"/> is <c>sys.env(...)</c> or <c>env(...)</c> with one argument.</summary>
    public static EnvironmentRead? AsEnvironmentRead(CallExpression call)
    {
        var name = FunctionName(call);
        if (name is not ("sys.env" or "env") || call.Arguments.Length != 1)
        {
            return null;
        }

        return new EnvironmentRead(call, ConstantEvaluator.EvaluateString(call.Arguments[0]), name == "env");
    }
}
