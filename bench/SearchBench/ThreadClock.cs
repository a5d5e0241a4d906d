using System.Runtime.InteropServices;

/// <summary>
/// CPU time of the calling thread (Linux clock_gettime(CLOCK_THREAD_CPUTIME_ID), nanosecond resolution). On a machine
/// shared with other busy processes, wall-clock tails mostly measure waiting for the core; CPU time measures the work.
/// </summary>
internal static partial class ThreadClock
{
    private const int ThreadCpuTimeId = 3;

    public static double Milliseconds()
    {
        _ = ClockGetTime(ThreadCpuTimeId, out var time);
        return (time.Seconds * 1_000.0) + (time.Nanoseconds / 1_000_000.0);
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
