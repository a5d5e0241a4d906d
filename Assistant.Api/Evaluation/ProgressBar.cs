namespace Assistant.Api.Evaluation;

/// <summary>A one-line progress bar on a terminal; silent when output is redirected (CI logs stay clean).</summary>
internal sealed class ProgressBar(int total, TextWriter output)
{
    private const int Width = 30;
    private readonly bool _enabled = !Console.IsOutputRedirected && total >= 50 && ReferenceEquals(output, Console.Out);
    private int _done;

    public void Advance()
    {
        _done++;
        if (_enabled && (_done % 10 == 0 || _done == total))
        {
            var filled = _done * Width / total;
            output.Write($"\r[{new string('#', filled)}{new string('.', Width - filled)}] {_done}/{total}");
        }
    }

    public void Done()
    {
        if (_enabled)
        {
            output.Write("\r" + new string(' ', Width + 20) + "\r");
        }
    }
}
