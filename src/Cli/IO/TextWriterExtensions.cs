using System.Globalization;

namespace AlloyLint.Cli.IO;

/// <summary>
/// Writes numbers and runs of one character without building strings (<see cref="TextWriter.Write(int)"/> makes
/// one): a large run writes its report inside a region without garbage collection, so every string made per finding
/// or per line adds to the peak memory.
/// </summary>
internal static class TextWriterExtensions
{
    public static void WriteNumber(this TextWriter output, int value)
    {
        Span<char> digits = stackalloc char[11];
        value.TryFormat(digits, out var length, provider: CultureInfo.InvariantCulture);
        output.Write(digits[..length]);
    }

    public static void WriteRepeated(this TextWriter output, char character, int count)
    {
        Span<char> run = stackalloc char[64];
        run.Fill(character);
        for (; count > 0; count -= run.Length)
        {
            output.Write(run[..Math.Min(count, run.Length)]);
        }
    }

    /// <summary>How many characters <see cref="WriteNumber"/> writes for a non-negative <paramref name="value"/>.</summary>
    public static int DigitCount(int value)
    {
        var count = 1;
        for (; value >= 10; value /= 10)
        {
            count++;
        }

        return count;
    }
}
