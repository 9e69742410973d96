namespace AlloyLint.Parser.Lexing;

/// <summary>The token kinds of the Alloy scanner, one for one with upstream's <c>token.Token</c>.</summary>
public enum AlloyToken
{
    /// <summary>A character that starts no token, or a single-quoted string.</summary>
    Illegal,

    /// <summary>End of input.</summary>
    Eof,

    /// <summary><c>// ...</c> or <c>/* ... */</c>; kept apart from the parser's token stream.</summary>
    Comment,

    Ident,
    Number,
    Float,
    String,
    Bool,
    Null,

    Or,
    And,
    Not,
    Assign,
    Eq,
    Neq,
    Lt,
    Lte,
    Gt,
    Gte,
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    Pow,
    LCurly,
    RCurly,
    LParen,
    RParen,
    LBrack,
    RBrack,
    Comma,
    Dot,

    /// <summary>A statement end inserted by the scanner at a newline, a line-ending comment or EOF.</summary>
    Terminator,
}

public static class AlloyTokenFacts
{
    /// <summary>The spelling upstream uses in messages (<c>Token.String()</c>): <c>IDENT</c>, <c>=</c>, <c>TERMINATOR</c>...</summary>
    public static string Describe(this AlloyToken token) => token switch
    {
        AlloyToken.Illegal => "ILLEGAL",
        AlloyToken.Eof => "EOF",
        AlloyToken.Comment => "COMMENT",
        AlloyToken.Ident => "IDENT",
        AlloyToken.Number => "NUMBER",
        AlloyToken.Float => "FLOAT",
        AlloyToken.String => "STRING",
        AlloyToken.Bool => "BOOL",
        AlloyToken.Null => "NULL",
        AlloyToken.Or => "||",
        AlloyToken.And => "&&",
        AlloyToken.Not => "!",
        AlloyToken.Assign => "=",
        AlloyToken.Eq => "==",
        AlloyToken.Neq => "!=",
        AlloyToken.Lt => "<",
        AlloyToken.Lte => "<=",
        AlloyToken.Gt => ">",
        AlloyToken.Gte => ">=",
        AlloyToken.Add => "+",
        AlloyToken.Sub => "-",
        AlloyToken.Mul => "*",
        AlloyToken.Div => "/",
        AlloyToken.Mod => "%",
        AlloyToken.Pow => "^",
        AlloyToken.LCurly => "{",
        AlloyToken.RCurly => "}",
        AlloyToken.LParen => "(",
        AlloyToken.RParen => ")",
        AlloyToken.LBrack => "[",
        AlloyToken.RBrack => "]",
        AlloyToken.Comma => ",",
        AlloyToken.Dot => ".",
        AlloyToken.Terminator => "TERMINATOR",
        _ => throw new ArgumentOutOfRangeException(nameof(token), token, null),
    };

    /// <summary>Binary operator precedence as upstream's <c>BinaryPrecedence</c>: 1 (<c>||</c>) to 6 (<c>^</c>), 0 for other tokens.</summary>
    public static int BinaryPrecedence(this AlloyToken token) => token switch
    {
        AlloyToken.Or => 1,
        AlloyToken.And => 2,
        AlloyToken.Eq or AlloyToken.Neq or AlloyToken.Lt or AlloyToken.Lte or AlloyToken.Gt or AlloyToken.Gte => 3,
        AlloyToken.Add or AlloyToken.Sub => 4,
        AlloyToken.Mul or AlloyToken.Div or AlloyToken.Mod => 5,
        AlloyToken.Pow => 6,
        _ => 0,
    };
}
