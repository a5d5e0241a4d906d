using Assistant.Search.Catalog;
using Lucene.Net.Search;
using Lucene.Net.Store;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Assistant.Search.Indexing;

/// <summary>
/// The Lucene index of the catalog behind a <see cref="SearcherManager"/>. Built once per data fingerprint and kept on
/// disk, so later starts only open it.
/// </summary>
public sealed class ServiceIndex : IDisposable
{
    private const string ReadyMarker = "ready";
    private readonly LuceneDirectory _directory;

    private ServiceIndex(LuceneDirectory directory, bool built, TimeSpan elapsed, int documents)
    {
        _directory = directory;
        Searchers = new SearcherManager(directory, new BM25SearcherFactory());
        Built = built;
        Elapsed = elapsed;
        Documents = documents;
    }

    public SearcherManager Searchers { get; }

    /// <summary>True when this start built the index; false when it opened one built before.</summary>
    public bool Built { get; }

    public TimeSpan Elapsed { get; }

    public int Documents { get; }

    /// <summary>Opens the index for <paramref name="fingerprint"/> under <paramref name="root"/>, building it first if
    /// it is missing; with no root the index lives in memory.</summary>
    public static ServiceIndex Open(ServiceCatalog catalog, ServiceIndexBuilder builder, string? root, string fingerprint)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        if (root is null)
        {
            var memory = new RAMDirectory();
            var count = builder.Build(memory, catalog.Services);
            return new ServiceIndex(memory, built: true, watch.Elapsed, count);
        }

        var path = Path.Combine(root, fingerprint);
        if (File.Exists(Path.Combine(path, ReadyMarker)))
        {
            var existing = FSDirectory.Open(path);
            return new ServiceIndex(existing, built: false, watch.Elapsed, catalog.Services.Count);
        }

        // Build beside the final folder and move it into place, so a crash mid-build never leaves a half index behind.
        var staging = $"{path}.building-{Guid.NewGuid():N}";
        using (var directory = FSDirectory.Open(staging))
        {
            builder.Build(directory, catalog.Services);
        }

        File.WriteAllText(Path.Combine(staging, ReadyMarker), fingerprint);
        try
        {
            System.IO.Directory.Move(staging, path);
        }
        catch (IOException) when (File.Exists(Path.Combine(path, ReadyMarker)))
        {
            System.IO.Directory.Delete(staging, recursive: true);    // another process finished first: use its index
        }

        return new ServiceIndex(FSDirectory.Open(path), built: true, watch.Elapsed, catalog.Services.Count);
    }

    public void Dispose()
    {
        Searchers.Dispose();
        _directory.Dispose();
    }

    private sealed class BM25SearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(Lucene.Net.Index.IndexReader reader) =>
            new(reader) { Similarity = new Lucene.Net.Search.Similarities.BM25Similarity() };
    }
}
