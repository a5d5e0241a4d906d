using System.Diagnostics;
using System.Globalization;

namespace Assistant.Tests.Speech;

/// <summary>Runs the Debian audio tools the speech tests make their input with (espeak-ng, sox, ffmpeg: .ci/run installs them).</summary>
public static class AudioTools
{
    public static string Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited {process.ExitCode}: {error.Result}");
        }

        return output;
    }

    /// <summary>Duration in seconds as sox reads it (an independent measure of what the decoder must reproduce).</summary>
    public static double SoxSeconds(string path) =>
        double.Parse(Run("soxi", "-D", path).Trim(), CultureInfo.InvariantCulture);
}
