namespace Assistant.Search.Places;

/// <summary>Administrative level of a division.</summary>
public enum DivisionLevel
{
    Province = 1,
    City = 2,
    County = 3,
}

/// <summary>A province, prefecture-level city or county-level division with its six-digit code.</summary>
public sealed record Division(string Code, string Name, DivisionLevel Level, string ProvinceCode, string? CityCode)
{
    /// <summary>Two-digit province code (GB/T 2260 prefix).</summary>
    public string Province => ProvinceCode;

    /// <summary>Six-digit code of the prefecture-level city, when the division is a city or lies in one.</summary>
    public string? City => CityCode;
}

/// <summary>A place named in a text, resolved to a division.</summary>
/// <param name="Start">Offset of the mention in the text it was found in.</param>
public sealed record PlaceMention(Division Division, int Start, int Length, string Text)
{
    public int End => Start + Length;
}
