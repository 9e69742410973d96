using AlloyLint.Rules.Engine;
using AlloyLint.Rules.Fixes;
using AlloyLint.Rules.Model;

namespace AlloyLint.Rules.SelfMonitoring;

/// <summary>The check shared by rules that want one string setting of a block to have an agreed value.</summary>
internal static class SettingCheck
{
    /// <summary>
    /// Reports when the effective value of <paramref name="name"/> in <paramref name="block"/> (its default when absent
    /// or empty) is not <paramref name="expected"/>, with a safe fix that sets it. A non-constant value is not judged.
    /// <paramref name="effect"/> says what the value means, e.g. "Alloy logs as".
    /// </summary>
    public static void Check(LintContext context, ModelBlock block, string name, string expected, string effect)
    {
        var expectedText = AlloyCode.String(expected);
        var defaultValue = (ArgumentDefaults.Find(block.Name, name) as AlloyString)?.Value;
        var title = $"Set {name} = {expectedText}";
        var attribute = block.Attribute(name);
        if (attribute is null)
        {
            if (defaultValue == expected)
            {
                return;
            }

            var insert = SourceEdits.SetAttribute(block.Tree, block.Block, name, expectedText);
            var defaultText = defaultValue is null ? string.Empty : $", so {effect} {AlloyCode.String(defaultValue)}";
            context.Report(
                block,
                $"{block.DisplayName} {name} is not set{defaultText}; expected {name} = {expectedText}",
                insert is null ? null : Fix.Safe(title, insert));
            return;
        }

        if (ConstantEvaluator.EvaluateString(attribute.Value) is not { } written
            || (written.Length == 0 ? defaultValue : written) == expected)
        {
            return;
        }

        context.Report(
            block.Tree,
            attribute.Value,
            $"{block.DisplayName} {name} is {AlloyCode.String(written)}; expected {expectedText}",
            Fix.Safe(title, TextEdit.Replace(attribute.Value.Span, expectedText)));
    }
}
