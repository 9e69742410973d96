using System.Runtime.ExceptionServices;

namespace AlloyLint.Parser.Tests.Properties;

/// <summary>
/// Runs one case on its own thread with a 1 MB stack (smaller than the CLI's main thread) and fails it when it
/// does not finish within the time limit. The limit is a hang guard, not a speed measurement: it is far above
/// what any case needs, so only a loop that never ends trips it.
/// </summary>
internal static class Guard
{
    public static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(10);

    private const int StackBytes = 1024 * 1024;

    public static T Run<T>(Func<T> action, string description)
    {
        T result = default!;
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = action();
            }
            catch (Exception error)
            {
                failure = ExceptionDispatchInfo.Capture(error);
            }
        }, StackBytes) { IsBackground = true };
        thread.Start();
        if (!thread.Join(HangLimit))
        {
            throw new TimeoutException($"did not finish within {HangLimit.TotalSeconds:0} s (a hang): {description}");
        }

        failure?.Throw();
        return result;
    }
}
