using AlloyLint.Parser.Tree;

namespace AlloyLint.Rules.Model;

/// <summary>Small questions about expressions that several rules ask.</summary>
public static class SyntaxFacts
{
    /// <summary><c>a.b.c</c> for an identifier followed by member accesses, else null.</summary>
    public static string? DottedName(Expression expression) => expression switch
    {
        IdentifierExpression identifier => identifier.Name,
        AccessExpression access when DottedName(access.Target) is { } target => $"{target}.{access.Member.Name}",
        _ => null,
    };

    /// <summary>The expression inside any number of parentheses.</summary>
    public static Expression Unparenthesized(Expression expression)
    {
        while (expression is ParenExpression paren)
        {
            expression = paren.Inner;
        }

        return expression;
    }
}
