using System.Collections.Immutable;
using AlloyLint.Parser.Tests.Support;
using AlloyLint.Parser.Text;
using AlloyLint.Parser.Tree;
using Xunit;

namespace AlloyLint.Parser.Tests;

public class NodeListTests
{
    private static readonly Expression[] Numbers =
        [.. Enumerable.Range(0, 5).Select(i => new LiteralExpression(LiteralKind.Number, $"{i}", new TextSpan(2 * i, 1)))];

    [Fact]
    public void A_slice_reads_only_its_own_run_of_the_array()
    {
        NodeList<Expression> all = ImmutableArray.Create(Numbers);
        var middle = all[1..4];
        Assert.Equal(3, middle.Length);
        Assert.Equal(["1", "2", "3"], middle.Select(Text));
        Assert.Equal(["1", "2", "3"], middle.AsSpan().ToArray().Select(Text));
        Assert.Equal("3", Text(middle[^1]));
        Assert.Equal(["2"], middle[1..2].Select(Text));
        Assert.True(middle[3..].IsEmpty);
        Assert.Throws<ArgumentOutOfRangeException>(() => middle[3]);
        Assert.Throws<ArgumentOutOfRangeException>(() => middle[-1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => middle.Slice(2, 2));
    }

    [Fact]
    public void Foreach_and_IndexOf_stay_inside_the_slice()
    {
        NodeList<Expression> all = ImmutableArray.Create(Numbers);
        var middle = all.Slice(1, 3);
        var seen = new List<string>();
        foreach (var node in middle)
        {
            seen.Add(Text(node));
        }

        Assert.Equal(["1", "2", "3"], seen);
        Assert.Equal(1, middle.IndexOf(Numbers[2]));
        Assert.Equal(-1, middle.IndexOf(Numbers[0]));
        Assert.Equal(-1, middle.IndexOf(Numbers[4]));
        Assert.Equal(-1, default(NodeList<Expression>).IndexOf(Numbers[0]));
    }

    [Fact]
    public void Empty_lists_are_empty_however_they_are_made()
    {
        NodeList<Expression> fromEmptyArray = ImmutableArray<Expression>.Empty;
        NodeList<Expression> fromDefaultArray = default(ImmutableArray<Expression>);
        NodeList<Expression> fromCollectionExpression = [];
        foreach (var list in new[] { fromEmptyArray, fromDefaultArray, fromCollectionExpression, default })
        {
            Assert.True(list.IsEmpty);
            Assert.Empty(list);
            Assert.True(list.AsSpan().IsEmpty);
        }

        NodeList<Expression> two = [Numbers[3], Numbers[4]];
        Assert.Equal(["3", "4"], two.Select(Text));
    }

    [Fact]
    public void The_lists_of_a_parse_each_hold_their_own_nodes()
    {
        var tree = Parsed.Text("a {\n  b = [1, 2]\n  c {\n    d = f(3, [4])\n  }\n  e = 5\n}\ng = { h = 6, i = 7 }\n");
        Assert.False(tree.HasErrors);
        var a = Assert.IsType<BlockStatement>(tree.Root.Statements[0]);
        Assert.Equal(["b", "c", "e"], a.Body.Statements.Select(Name));
        var c = Assert.IsType<BlockStatement>(a.Body.Statements[1]);
        Assert.Equal(["d"], c.Body.Statements.Select(Name));
        var call = Assert.IsType<CallExpression>(Assert.IsType<AttributeStatement>(c.Body.Statements[0]).Value);
        Assert.Equal(["3", "[4]"], call.Arguments.Select(argument => Sexpr.Of(argument)));
        var list = Assert.IsType<ArrayExpression>(Assert.IsType<AttributeStatement>(a.Body.Statements[0]).Value);
        Assert.Equal(["1", "2"], list.Elements.Select(Text));
        var fields = Assert.IsType<ObjectExpression>(Assert.IsType<AttributeStatement>(tree.Root.Statements[1]).Value).Fields;
        Assert.Equal(["h", "i"], fields.Select(field => field.Key));
    }

    [Theory]
    [InlineData(5, 0, 5)] // a whole array
    [InlineData(5, 1, 3)] // a run
    [InlineData(3000, 2, 2500)] // a run too long to pack
    [InlineData((1 << 20) + 10, (1 << 20) + 1, 3)] // a run too far into its array to pack
    public void Nodes_that_pack_their_list_give_back_the_same_nodes(int arrayLength, int start, int length)
    {
        var one = Numbers[1];
        var items = new Expression[arrayLength];
        Array.Fill(items, Numbers[0]);
        items[start] = one;
        items[start + length - 1] = Numbers[4];
        NodeList<Expression> all = ImmutableArray.Create(items);
        var list = all.Slice(start, length);
        var array = new ArrayExpression(list, new TextSpan(0, 1), new TextSpan(9, 1));
        var call = new CallExpression(one, list, new TextSpan(1, 1), new TextSpan(9, 1));
        NodeList<ObjectField> fields = [new ObjectField("a", false, new TextSpan(1, 1), one)];
        var obj = new ObjectExpression(fields, new TextSpan(0, 1), new TextSpan(9, 1));
        foreach (var kept in new[] { array.Elements, call.Arguments })
        {
            Assert.Equal(length, kept.Length);
            Assert.Same(one, kept[0]);
            Assert.Same(Numbers[4], kept[^1]);
            Assert.True(list.AsSpan().SequenceEqual(kept.AsSpan()));
        }

        Assert.Same(fields[0], Assert.Single(obj.Fields));
        Assert.Equal((new TextSpan(0, 1), new TextSpan(1, 1), new TextSpan(0, 1)), (array.OpenBracket, call.OpenParen, obj.OpenBrace));
        Assert.Throws<ArgumentException>(() => new ArrayExpression(list, new TextSpan(0, 2), new TextSpan(9, 1)));
    }

    private static string Text(Expression expression) => ((LiteralExpression)expression).RawText;

    private static string Name(Statement statement) => statement switch
    {
        AttributeStatement attribute => attribute.Name.Name,
        BlockStatement block => block.Name,
        _ => throw new ArgumentException("not a statement kind"),
    };
}
