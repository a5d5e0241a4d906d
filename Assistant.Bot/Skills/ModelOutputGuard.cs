using System.Text.RegularExpressions;
using Assistant.Search.Catalog;

namespace Assistant.Bot.Skills;

/// <summary>
/// Checks what a language model wrote against what the catalog returned: a service id is accepted only when the
/// catalog returned it in this exchange, and an answer keeps only sentences whose links and services come from the
/// entry it was grounded in. Everything else is dropped, never repaired.
/// </summary>
public static partial class ModelOutputGuard
{
    /// <summary>The first id in <paramref name="reply"/> that is among <paramref name="returned"/>; the rest are reported as dropped.</summary>
    public static string? ChooseService(string reply, IReadOnlySet<string> returned, ServiceCatalog catalog, out IReadOnlyList<string> dropped)
    {
        var invented = new List<string>();
        string? chosen = null;
        foreach (Match token in IdToken().Matches(reply))
        {
            var id = token.Value;
            if (returned.Contains(id))
            {
                chosen ??= id;
            }
            else if (id.Contains('-', StringComparison.Ordinal) || catalog.Find(id) is not null)
            {
                invented.Add(id);
            }
        }

        // A model may answer with the service's name instead of its id: accept only names of returned services.
        chosen ??= returned.FirstOrDefault(id => catalog.Find(id)?.Name is { Length: > 0 } name && reply.Contains(name, StringComparison.Ordinal));
        dropped = invented;
        return chosen;
    }

    /// <summary>
    /// <paramref name="answer"/> without the sentences that carry a link other than the entry's page or name a service
    /// other than the entry's; null when nothing is left.
    /// </summary>
    public static string? KeepGrounded(string answer, ServiceGuide guide, ServiceCatalog catalog, out IReadOnlyList<string> dropped)
    {
        var entry = ModelPrompts.Entry(guide);
        var removed = new List<string>();
        var kept = new List<string>();
        foreach (var sentence in SentenceEnd().Split(answer.Trim()).Where(s => s.Trim().Length > 0))
        {
            if (Link().Matches(sentence).Select(m => m.Value).FirstOrDefault(url => !IsEntryPage(url, guide)) is { } url)
            {
                removed.Add(url);
            }
            else if (IdToken().Matches(Link().Replace(sentence, " ")).Select(m => m.Value)
                .FirstOrDefault(id => id != guide.Id && (id.Contains('-', StringComparison.Ordinal) || catalog.Find(id) is not null)) is { } id)
            {
                removed.Add(id);
            }
            else if (catalog.CoreServices.FirstOrDefault(s => s.Id != guide.Id && s.Name.Length >= 4
                && sentence.Contains(s.Name, StringComparison.Ordinal) && !entry.Contains(s.Name, StringComparison.Ordinal)) is { } other)
            {
                removed.Add(other.Name);
            }
            else
            {
                kept.Add(sentence.Trim());
            }
        }

        dropped = removed;
        var text = string.Concat(kept).Trim();
        return text.Length == 0 ? null : text;
    }

    private static bool IsEntryPage(string url, ServiceGuide guide) => guide.Page?.Url is { } page && Bare(url) == Bare(page);

    // Scheme, "www." and a trailing slash do not make a different page.
    private static string Bare(string url)
    {
        var bare = SchemePrefix().Replace(url.Trim(), "").TrimEnd('/', '.', '。');
        return bare.ToLowerInvariant();
    }

    [GeneratedRegex(@"(?<=[。！？!?；;\n])")]
    private static partial Regex SentenceEnd();

    // Full URLs, and bare host names a model may write without a scheme (zwfw.example.gov.cn/path).
    [GeneratedRegex(@"(?:https?://|www\.)[^\s，。；、）)」”""'<>]+|(?<![A-Za-z0-9./@-])(?:[A-Za-z0-9-]+\.)+(?:cn|com|net|org|gov|io)(?:/[^\s，。；、）)」”""'<>]*)?", RegexOptions.IgnoreCase)]
    private static partial Regex Link();

    [GeneratedRegex(@"(?<![A-Za-z0-9-])[a-z0-9]+(?:-[a-z0-9]+)*(?![A-Za-z0-9-])")]
    private static partial Regex IdToken();

    [GeneratedRegex(@"^(?:https?://)?(?:www\.)?", RegexOptions.IgnoreCase)]
    private static partial Regex SchemePrefix();
}
