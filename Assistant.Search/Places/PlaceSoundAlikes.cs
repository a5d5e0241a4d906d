using System.Collections.Frozen;
using Assistant.Search.Text;

namespace Assistant.Search.Places;

/// <summary>
/// City and province names heard right but written wrong, as speech recognition and hurried typing do (杭洲 for 杭州,
/// 广洲 for 广州): the same toneless pinyin with at least one character of the name itself, and only right after a word
/// that says a place follows (在, 到, 去, 回, 来, 从, 住). A sound shared by two cities (苏州 and 宿州) is no one's, so it
/// is dropped. Each condition was needed on the training texts: by sound alone 到哪去 read as 那曲 and 另一个 as 临沂
/// (with an/ang, in/ing folded); folding nasals read 去龙阳路 as 龙岩, so 深证 for 深圳 is not caught.
/// </summary>
public sealed class PlaceSoundAlikes
{
    private const int MaxLength = 4;

    private static readonly FrozenSet<char> s_placeCues = FrozenSet.ToFrozenSet("在到去回来从住");

    private readonly FrozenDictionary<string, (string Name, Division Division)> _bySound;
    private readonly PinyinTable _pinyin;

    private PlaceSoundAlikes(FrozenDictionary<string, (string Name, Division Division)> bySound, PinyinTable pinyin)
    {
        _bySound = bySound;
        _pinyin = pinyin;
    }

    public static PlaceSoundAlikes Build(DivisionGazetteer gazetteer, PinyinTable pinyin)
    {
        var sounds = new Dictionary<string, List<(string Name, Division Division)>>(StringComparer.Ordinal);
        foreach (var division in gazetteer.Divisions.Where(d => d.Level is DivisionLevel.Province or DivisionLevel.City))
        {
            foreach (var name in new[] { division.Name, DivisionGazetteer.ShortForm(division.Name) }.Distinct())
            {
                if (name.Length is >= 2 and <= MaxLength && gazetteer.Lookup(name) is not null && Sound(name, pinyin) is { } sound)
                {
                    (sounds.TryGetValue(sound, out var named) ? named : sounds[sound] = []).Add((name, division));
                }
            }
        }

        return new PlaceSoundAlikes(
            sounds.Where(p => p.Value.Select(n => n.Division).Distinct().Count() == 1)
                .ToFrozenDictionary(p => p.Key, p => p.Value[0], StringComparer.Ordinal), pinyin);
    }

    /// <summary>The division a text names by sound at <paramref name="start"/>, longest first, with its length.</summary>
    public (int Length, Division Division)? At(string text, int start)
    {
        if (start == 0 || !s_placeCues.Contains(text[start - 1]))
        {
            return null;
        }

        for (var length = Math.Min(MaxLength, text.Length - start); length >= 2; length--)
        {
            var window = text.Substring(start, length);
            if (Sound(window, _pinyin) is { } sound && _bySound.TryGetValue(sound, out var heard) && SharesACharacter(window, heard.Name))
            {
                return (length, heard.Division);
            }
        }

        return null;
    }

    private static bool SharesACharacter(string window, string name)
    {
        for (var i = 0; i < window.Length; i++)
        {
            if (window[i] == name[i])
            {
                return true;
            }
        }

        return false;
    }

    private static string? Sound(string name, PinyinTable pinyin)
    {
        var syllables = new string[name.Length];
        for (var i = 0; i < name.Length; i++)
        {
            if (pinyin.Toneless(name[i]) is not { } syllable)
            {
                return null;
            }

            syllables[i] = syllable;
        }

        return string.Join(' ', syllables);
    }
}
