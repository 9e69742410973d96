using System.Buffers;
using System.Collections.Immutable;
using AlloyLint.Parser.Lexing;
using AlloyLint.Parser.Text;
using AlloyLint.Parser.Tree;

namespace AlloyLint.Parser.Formatting;

/// <summary>
/// Walks the syntax tree and feeds the printer the stream upstream's walker produces: text, position hints
/// and whitespace directives. Layout decisions (blank lines, line breaks inside lists, trailing commas)
/// follow the source lines as upstream does.
/// </summary>
internal sealed class Walker(Printer printer, SourceText source)
{
    // The characters %q leaves as they are: printable ASCII but '"' and '\\'.
    private static readonly SearchValues<char> QuotedAsWritten =
        SearchValues.Create(" !#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~");

    // Where source text is read into when the source keeps it as ASCII bytes.
    private char[] _written = new char[64];

    public void WalkStatements(ReadOnlySpan<Statement> statements)
    {
        // Lines are looked up in source order (start before the walk, end after it), which the printer's
        // line cursor answers without searching.
        var previousEndLine = 0;
        for (var i = 0; i < statements.Length; i++)
        {
            var statement = statements[i];
            var span = statement.Span;
            var startLine = Line(span.Start);
            if (i > 0)
            {
                // Every block but the first statement gets a blank line before it; otherwise one blank line
                // in the source between two statements is kept.
                if (statement is BlockStatement || startLine - previousEndLine > 1)
                {
                    printer.Space(Whitespace.Formfeed);
                }
            }

            switch (statement)
            {
                case AttributeStatement attribute:
                    WalkAttribute(attribute);
                    break;
                case BlockStatement block:
                    WalkBlock(block);
                    break;
            }

            // A statement over several lines ends an alignment section.
            var endLine = Line(LastOffset(span));
            printer.Space(endLine > startLine ? Whitespace.Formfeed : Whitespace.Newline);
            previousEndLine = endLine;
        }
    }

    private void WalkAttribute(AttributeStatement attribute)
    {
        printer.Position(attribute.Name.Span.Start);
        printer.Identifier(attribute.Name.Name);
        printer.Space(Whitespace.VTab);
        printer.Token("=");
        printer.Space(Whitespace.Blank);
        WalkExpression(attribute.Value);
    }

    private void WalkBlock(BlockStatement block)
    {
        // A name written over several lines ("a.<newline>// c<newline>b") can hold comments. Upstream prints
        // them after the joined name, before the label, which no longer parses; they go before the name.
        var nameStart = block.NameSpan.Start;
        var lastPartStart = block.IsNameWrittenApart ? block.NameParts[^1].Span.Start : nameStart;
        printer.Position(printer.HasCommentBetween(nameStart, lastPartStart) ? lastPartStart : nameStart);
        printer.Identifier(block.Name);

        // As upstream, an empty label ("") is not printed.
        if (block.Label is { Value.Length: > 0 } label)
        {
            printer.Space(Whitespace.Blank);
            printer.Position(label.Span.Start);
            printer.Literal(Quoted(label.Value, label.Span), isNumber: false);
        }

        printer.Space(Whitespace.Blank);
        printer.Position(block.OpenBrace.Start);
        printer.Token("{");
        printer.Space(Whitespace.Indent);
        if (block.Body.Statements.IsEmpty)
        {
            printer.Space(Whitespace.Blank);
        }
        else
        {
            printer.Space(Whitespace.Formfeed);
            WalkStatements(block.Body.Statements.AsSpan());
        }

        printer.Space(Whitespace.Unindent);
        printer.Position(block.CloseBrace.Start);
        printer.Token("}");
    }

    private void WalkExpression(Expression expression)
    {
        switch (expression)
        {
            case LiteralExpression literal:
                printer.Position(literal.Span.Start);
                printer.Literal(literal.RawText, literal.Kind == LiteralKind.Number);
                break;

            case IdentifierExpression identifier:
                printer.Position(identifier.Span.Start);
                printer.Identifier(identifier.Name);
                break;

            case ArrayExpression array:
                WalkArray(array);
                break;

            case ObjectExpression obj:
                WalkObject(obj);
                break;

            case AccessExpression access:
                WalkExpression(access.Target);
                printer.Token(".");
                printer.Identifier(access.Member.Name);
                break;

            case IndexExpression index:
                WalkExpression(index.Target);
                printer.Position(index.OpenBracket.Start);
                printer.Token("[");
                WalkExpression(index.Index);
                printer.Position(index.CloseBracket.Start);
                printer.Token("]");
                break;

            case CallExpression call:
                WalkCall(call);
                break;

            case UnaryExpression unary:
                printer.Position(unary.OperatorSpan.Start);
                printer.Token(unary.Operator.Text());
                WalkExpression(unary.Operand);
                break;

            case BinaryExpression binary:
                WalkExpression(binary.Left);
                printer.Space(Whitespace.Blank);
                printer.Position(binary.OperatorSpan.Start);
                printer.Token(binary.Operator.Text());
                printer.Space(Whitespace.Blank);
                WalkExpression(binary.Right);
                break;

            case ParenExpression paren:
                printer.Token("(");
                WalkExpression(paren.Inner);
                printer.Token(")");
                break;
        }
    }

    private void WalkArray(ArrayExpression array)
    {
        printer.Position(array.OpenBracket.Start);
        printer.Token("[");
        var previousEnd = array.OpenBracket.Start;
        var elements = array.Elements;
        for (var i = 0; i < elements.Length; i++)
        {
            var element = elements[i];
            var onNewLine = Line(previousEnd) != Line(element.Span.Start);
            if (onNewLine)
            {
                // Indent before the line break so that comments written before it are indented too.
                printer.Space(Whitespace.Indent);
                printer.Space(Whitespace.Formfeed);
            }
            else if (i > 0)
            {
                printer.Space(Whitespace.Blank);
            }

            previousEnd = LastOffset(element);
            WalkExpression(element);
            if (i + 1 < elements.Length)
            {
                printer.Token(",");
            }

            if (onNewLine)
            {
                printer.Space(Whitespace.Unindent);
            }
        }

        if (elements.Length > 0 && Line(previousEnd) != Line(array.CloseBracket.Start))
        {
            printer.Token(",");
            printer.Space(Whitespace.Indent);
            printer.Space(Whitespace.Formfeed);
            printer.Space(Whitespace.Unindent);
        }

        printer.Position(array.CloseBracket.Start);
        printer.Token("]");
    }

    private void WalkObject(ObjectExpression obj)
    {
        printer.Position(obj.OpenBrace.Start);
        printer.Token("{");
        printer.Space(Whitespace.Indent);
        var previousEnd = obj.OpenBrace.Start;
        var fields = obj.Fields;
        for (var i = 0; i < fields.Length; i++)
        {
            var field = fields[i];
            if (Line(previousEnd) != Line(field.KeySpan.Start))
            {
                // Keep aligning '=' with the previous field unless its value spans several lines.
                printer.Space(i > 0 && LineCount(fields[i - 1].Value) == 1 ? Whitespace.Newline : Whitespace.Formfeed);
            }
            else if (i > 0)
            {
                printer.Space(Whitespace.Blank);
            }

            // As upstream, the key's end is where the key text without its quotes would end.
            previousEnd = field.KeySpan.Start + Math.Max(field.Key.Length - 1, 0);
            printer.Position(field.KeySpan.Start);
            if (field.Quoted)
            {
                printer.Literal(QuotedKeyText(field), isNumber: false);
            }
            else
            {
                // An empty key "" is stored with its quotes, unquoted, as upstream does.
                printer.Identifier(field.Key);
            }

            printer.Space(Whitespace.VTab);
            printer.Token("=");
            printer.Space(Whitespace.Blank);
            WalkExpression(field.Value);
            if (i + 1 < fields.Length)
            {
                printer.Token(",");
            }
        }

        if (fields.Length > 0 && Line(previousEnd) != Line(obj.CloseBrace.Start))
        {
            printer.Token(",");
            printer.Space(Whitespace.Formfeed);
        }

        printer.Space(Whitespace.Unindent);
        printer.Position(obj.CloseBrace.Start);
        printer.Token("}");
    }

    private void WalkCall(CallExpression call)
    {
        WalkExpression(call.Callee);
        printer.Token("(");
        var previousEnd = call.OpenParen.Start;
        var arguments = call.Arguments;
        for (var i = 0; i < arguments.Length; i++)
        {
            var argument = arguments[i];
            var onNewLine = Line(previousEnd) != Line(argument.Span.Start);
            if (onNewLine)
            {
                printer.Space(Whitespace.Formfeed);
                printer.Space(Whitespace.Indent);
            }

            WalkExpression(argument);
            previousEnd = LastOffset(argument);
            if (i + 1 < arguments.Length)
            {
                printer.Token(",");
                printer.Space(Whitespace.Blank);
            }

            if (onNewLine)
            {
                printer.Space(Whitespace.Unindent);
            }
        }

        // Upstream also adds the comma when there are no arguments, printing "f(," which does not parse;
        // an empty call prints as "f()".
        if (arguments.Length > 0 && Line(previousEnd) != Line(call.CloseParen.Start))
        {
            printer.Token(",");
            printer.Space(Whitespace.Formfeed);
        }

        printer.Token(")");
    }

    /// <summary>
    /// Upstream re-quotes the stored key with Go's %q, which doubles the escapes of a key written with escapes
    /// (the key is stored without unescaping) and changes its meaning. A key that %q would leave alone prints as
    /// upstream does; any other key is printed exactly as written.
    /// </summary>
    private ReadOnlySpan<char> QuotedKeyText(ObjectField field)
    {
        var quoted = Quoted(field.Key, field.KeySpan);
        return quoted.Length == field.Key.Length + 2 ? quoted : Written(field.KeySpan);
    }

    /// <summary>
    /// Go's %q of <paramref name="text"/>, written at <paramref name="span"/>. Double-quoted printable ASCII without
    /// quotes or backslashes is what %q gives, so the source text itself is printed, without allocating.
    /// </summary>
    private ReadOnlySpan<char> Quoted(string text, TextSpan span)
    {
        var written = Written(span);
        var unchanged = written.Length == text.Length + 2
            && written[0] == '"'
            && !text.AsSpan().ContainsAnyExcept(QuotedAsWritten);
        return unchanged ? written : GoText.Quote(text);
    }

    /// <summary>The source text of <paramref name="span"/>, valid until the next call.</summary>
    private ReadOnlySpan<char> Written(TextSpan span) => source.Read(span, ref _written);

    private int Line(int offset) => printer.Line(offset);

    private static int LastOffset(SyntaxNode node) => LastOffset(node.Span);

    private static int LastOffset(TextSpan span) => Math.Max(span.Start, span.End - 1);

    private int LineCount(SyntaxNode node)
    {
        var span = node.Span;
        return Line(LastOffset(span)) - Line(span.Start) + 1;
    }
}
