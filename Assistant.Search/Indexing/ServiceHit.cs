using Assistant.Search.Catalog;

namespace Assistant.Search.Indexing;

/// <summary>A catalog entry found for a query, with its score and the query words it matched.</summary>
public sealed record ServiceHit(ServiceEntry Service, float Score, IReadOnlyList<string> Matched);
