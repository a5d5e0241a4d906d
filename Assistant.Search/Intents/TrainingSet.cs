using Assistant.Search.Catalog;
using Assistant.Search.Text;

namespace Assistant.Search.Intents;

/// <summary>One labelled utterance.</summary>
public sealed record LabelledText(string Text, string Label);

/// <summary>
/// The classifier's training data: every <c>data/training/*.tsv</c> (text TAB label) plus each core service's
/// official name and colloquial aliases from the catalog. Test sets live in data/eval and are never read here.
/// </summary>
public static class TrainingSet
{
    public static IReadOnlyList<LabelledText> Load(string dataPath, ServiceCatalog catalog)
    {
        var examples = new List<LabelledText>();
        var labels = catalog.CoreServices.Select(s => s.Id).Concat(Understanding.Understanding.MetaIntents)
            .Append(Understanding.Understanding.OutOfScopeLabel).ToHashSet(StringComparer.Ordinal);
        foreach (var file in Files(dataPath))
        {
            foreach (var (number, line, parts) in LexiconFiles.NumberedRows(file))
            {
                if (parts.Length != 2 || !labels.Contains(parts[1].Trim()))
                {
                    throw new InvalidDataException($"{file}:{number}: expected 'text<TAB>label' with a known label, got '{line}'");
                }

                examples.Add(new LabelledText(parts[0].Trim(), parts[1].Trim()));
            }
        }

        foreach (var service in catalog.CoreServices)
        {
            examples.Add(new LabelledText(service.Name, service.Id));
            examples.AddRange(service.Aliases.Select(a => new LabelledText(a, service.Id)));
        }

        return examples;
    }

    public static IEnumerable<string> Files(string dataPath) =>
        Directory.GetFiles(Path.Combine(dataPath, "training"), "*.tsv").Order(StringComparer.Ordinal);
}
