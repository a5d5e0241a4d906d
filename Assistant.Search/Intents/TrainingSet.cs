using Assistant.Search.Catalog;
using Assistant.Search.Text;

namespace Assistant.Search.Intents;

/// <summary>One labelled utterance.</summary>
/// <param name="Source">Where it was written: a training file's name, or services.json for a catalog name or alias.</param>
/// <param name="Line">Its 1-based line in that file (0 for the catalog).</param>
public sealed record LabelledText(string Text, string Label, string? Source = null, int Line = 0);

/// <summary>
/// The classifier's training data: every <c>data/training/*.tsv</c> (text TAB label) plus each core service's
/// official name and colloquial aliases from the catalog. Test sets live in data/eval and are never read here.
/// </summary>
public static class TrainingSet
{
    /// <summary>The <see cref="LabelledText.Source"/> of the catalog's names and aliases.</summary>
    public const string CatalogSource = "services.json";

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

                examples.Add(new LabelledText(parts[0].Trim(), parts[1].Trim(), Path.GetFileName(file), number));
            }
        }

        foreach (var service in catalog.CoreServices)
        {
            examples.Add(new LabelledText(service.Name, service.Id, CatalogSource));
            examples.AddRange(service.Aliases.Select(a => new LabelledText(a, service.Id, CatalogSource)));
        }

        return examples;
    }

    public static IEnumerable<string> Files(string dataPath) =>
        Directory.GetFiles(Path.Combine(dataPath, "training"), "*.tsv").Order(StringComparer.Ordinal);
}
