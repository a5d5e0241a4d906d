namespace Assistant.Search.Text;

/// <summary>The three views of a text that search and classification share.</summary>
/// <param name="Words">Segmented words with domain-term expansion.</param>
/// <param name="Bigrams">Overlapping Han character bigrams (robust to segmentation differences).</param>
/// <param name="Pinyin">Overlapping toneless syllable bigrams (robust to speech-recognition homophones, and to pinyin
/// typed without choosing characters).</param>
public sealed record TextFeatures(IReadOnlyList<string> Words, IReadOnlyList<string> Bigrams, IReadOnlyList<string> Pinyin)
{
    /// <summary>
    /// In a text of several clauses of which some ask for something (<see cref="RequestCues"/>) and some do not, the
    /// words of those that ask, each once, which the classifier reads once more as what is asked: 护照办下来了，欧洲哪几个
    /// 国家值得去 asks about countries, not the passport, while 在北京交的养老保险，要转回老家，怎么转 asks how to transfer.
    /// Empty when nothing stands apart (one clause, or every clause asks, or none). Only the classifier's view has them.
    /// </summary>
    public IReadOnlyList<string> Focus { get; init; } = [];
}

/// <summary>Computes <see cref="TextFeatures"/> for a normalized text, the same way for documents and queries.</summary>
public sealed class FeatureExtractor(ChineseSegmenter segmenter, PinyinTable pinyin)
{
    public ChineseSegmenter Segmenter => segmenter;

    public PinyinTable PinyinTable => pinyin;

    public TextFeatures Extract(string text) => new(segmenter.Segment(text), Bigrams(text), PinyinBigrams(text));

    public static IReadOnlyList<string> Bigrams(string text)
    {
        var grams = new List<string>();
        foreach (var run in HanRuns(text))
        {
            if (run.Length == 1)
            {
                grams.Add(run);
            }

            for (var i = 0; i + 1 < run.Length; i++)
            {
                grams.Add(run.Substring(i, 2));
            }
        }

        return grams;
    }

    public IReadOnlyList<string> PinyinBigrams(string text)
    {
        var grams = new List<string>();
        foreach (var run in HanRuns(text))
        {
            var syllables = run.Select(c => pinyin.Toneless(c) ?? c.ToString()).ToArray();
            if (syllables.Length == 1)
            {
                grams.Add(syllables[0]);
            }

            AddBigrams(grams, syllables);
        }

        AddTypedPinyin(grams, text);

        return grams;
    }

    private static void AddBigrams(List<string> grams, IReadOnlyList<string> syllables)
    {
        for (var i = 0; i + 1 < syllables.Count; i++)
        {
            grams.Add(syllables[i] + "_" + syllables[i + 1]);
        }
    }

    /// <summary>
    /// Pinyin typed without choosing characters (jiazhao diule, laodong zhongcai, xi'an): each run of Latin words that
    /// are all pinyin, joined by spaces or apostrophes, as one syllable sequence, so it meets the same syllable bigrams
    /// as 驾照丢了. A run of one syllable gives none: alone it is as likely an English word or a letter (a, can, hi).
    /// </summary>
    private void AddTypedPinyin(List<string> grams, string text)
    {
        if (!text.AsSpan().ContainsAnyInRange('a', 'z'))
        {
            return;    // most texts: nothing to do, nothing allocated
        }

        var run = new List<string>();
        void EndRun()
        {
            AddBigrams(grams, run);
            run.Clear();
        }

        for (var i = 0; i < text.Length;)
        {
            if (!char.IsAsciiLetterLower(text[i]))
            {
                if (text[i] is not (' ' or '\'' or '’'))
                {
                    EndRun();    // words joined by spaces or apostrophes stay one run; anything else ends it
                }

                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && char.IsAsciiLetterLower(text[i]))
            {
                i++;
            }

            if (pinyin.Syllables(text[start..i]) is { } syllables)
            {
                run.AddRange(syllables);
            }
            else
            {
                EndRun();
            }
        }

        EndRun();
    }

    private static IEnumerable<string> HanRuns(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var han = i < text.Length && IsHan(text[i]);
            if (han && start < 0)
            {
                start = i;
            }
            else if (!han && start >= 0)
            {
                yield return text[start..i];
                start = -1;
            }
        }
    }

    public static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';
}
