using System.Collections.Immutable;
using AlloyLint.Parser.Diagnostics;
using AlloyLint.Parser.Text;
using AlloyLint.Parser.Tree;
using AlloyLint.Rules.Fixes;
using AlloyLint.Rules.Model;

namespace AlloyLint.Rules.Engine;

/// <summary>What a rule sees while it checks one configuration, and where it reports.</summary>
public sealed class LintContext
{
    private readonly List<LintDiagnostic> _sink;

    internal LintContext(Configuration configuration, RuleMetadata rule, Severity severity, RuleOptions options, IWorkspace workspace, List<LintDiagnostic> sink)
    {
        Configuration = configuration;
        Rule = rule;
        Severity = severity;
        Options = options;
        Workspace = workspace;
        _sink = sink;
    }

    public Configuration Configuration { get; }

    /// <summary>The configuration's files, ordered by path.</summary>
    public ImmutableArray<SyntaxTree> Trees => Configuration.Trees;

    public SemanticModel Model => Configuration.Model;

    /// <summary>The rule being run.</summary>
    public RuleMetadata Rule { get; }

    /// <summary>The severity findings get (the rule's default unless the settings override it).</summary>
    public Severity Severity { get; }

    /// <summary>The rule's options: the settings' values over the defaults in <see cref="RuleMetadata.Options"/>.</summary>
    public RuleOptions Options { get; }

    /// <summary>For reading files beside the configuration (e.g. docker-compose.yml); never the file system directly.</summary>
    public IWorkspace Workspace { get; }

    /// <summary>
    /// Where findings about the configuration as a whole go (something missing): the first requested file.
    /// Insert fixes for such findings into this file, so that they are reported and applied where the user looks.
    /// </summary>
    public SyntaxTree AnchorTree => Configuration.RequestedTrees.IsEmpty ? Configuration.Trees[0] : Configuration.RequestedTrees[0];

    /// <summary>
    /// Whether the rule <paramref name="ruleId"/> runs in this lint too: a general rule leaves what a more specific
    /// one reports to it (AL301 and AL208), but only when that one runs.
    /// </summary>
    public bool Runs(string ruleId) => EnabledRuleIds.Contains(ruleId);

    internal IReadOnlySet<string> EnabledRuleIds { get; init; } = new HashSet<string>();

    /// <summary>Set for rules that judge suppressions (AL901): which directives were used by the other rules' findings.</summary>
    internal SuppressionIndex? Suppressions { get; init; }

    public void Report(SyntaxTree tree, TextSpan span, string message, Fix? fix = null) =>
        _sink.Add(new LintDiagnostic(Rule, Severity, tree.Source, span, message, fix));

    public void Report(SyntaxTree tree, SyntaxNode node, string message, Fix? fix = null) => Report(tree, node.Span, message, fix);

    /// <summary>Reports at the header (name and label) of a component or configuration block.</summary>
    public void Report(ModelBlock block, string message, Fix? fix = null) => Report(block.Tree, block.HeaderSpan, message, fix);

    public void Report(Reference reference, string message, Fix? fix = null) => Report(reference.Tree, reference.Expression.Span, message, fix);
}
