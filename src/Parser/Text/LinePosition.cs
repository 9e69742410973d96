namespace AlloyLint.Parser.Text;

/// <summary>A 1-based line and a 1-based column counted in UTF-16 code units (what editors and SARIF count).</summary>
public readonly record struct LinePosition(int Line, int Column)
{
    public override string ToString() => $"{Line}:{Column}";
}
