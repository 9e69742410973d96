using AlloyLint.Parser.Diagnostics;
using AlloyLint.Rules.Catalog;
using AlloyLint.Rules.Engine;
using AlloyLint.Rules.Model;

namespace AlloyLint.Rules.Correctness;

/// <summary>
/// A config block where Alloy does not allow it: <c>logging</c>, <c>tracing</c>, <c>http</c> and the other
/// service blocks only at the top of the root configuration; <c>argument</c> and <c>export</c> only in a module.
/// </summary>
public sealed class AL116MisplacedBlock : Rule
{
    public override RuleMetadata Metadata { get; } = new(
        "AL116",
        "misplaced-block",
        RuleCategory.Correctness,
        Severity.Error,
        "A config block is written where Alloy does not allow it.")
    {
        Options =
        [
            RuleOption.Boolean("module_files", false, "Treat the linted files as modules (loaded with import.*): argument and export blocks are then allowed at their top level."),
        ],
    };

    public override void Check(LintContext context)
    {
        var moduleFiles = context.Options.GetBoolean("module_files");
        foreach (var block in context.Model.AllBlocks)
        {
            if (ModelSchemas.SchemaOf(block) is not { IsConfigBlock: true } schema)
            {
                continue;
            }

            var inDeclare = Enclosing(block.Scope, ScopeKind.Declare);
            var inForeach = Enclosing(block.Scope, ScopeKind.ForeachTemplate);
            if (schema.Placement == BlockPlacement.Root && (inDeclare ?? inForeach) is { } container)
            {
                var where = ReferenceEquals(container, inDeclare) ? "a declare body (a module)" : "a foreach template";
                context.Report(block, $"{block.Name} is not allowed in {where}: it configures the whole Alloy process, so write it at the top level of the root configuration");
            }
            else if (schema.Placement == BlockPlacement.Module && inDeclare is null && !moduleFiles)
            {
                context.Report(block, $"{block.Name} blocks are only allowed inside a module (a declare body or a file loaded with import.*)");
            }
        }
    }

    /// <summary>The nearest enclosing declare or foreach (by <paramref name="kind"/>) of a scope, or null.</summary>
    private static ConfigBlock? Enclosing(Scope? scope, ScopeKind kind)
    {
        for (; scope is not null; scope = scope.Parent)
        {
            if (scope.Kind == kind)
            {
                return scope.Owner;
            }
        }

        return null;
    }
}
