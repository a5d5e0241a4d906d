using System.Text.Json;
using System.Text.Json.Nodes;
using Assistant.Bot.Privacy;
using Microsoft.SemanticKernel;

namespace Assistant.Bot.Skills;

/// <summary>
/// Applies <see cref="PersonalDataMasker"/> to kernel function arguments and results of any shape: strings directly,
/// string lists element by element, records through a JSON round-trip that masks every string value (never numbers:
/// a confidence such as 0.8734567890123456 would look like a bank card). A record comes back as its own type, so
/// <see cref="FunctionResult.GetValue{T}"/> keeps working; an unchanged value comes back as the same instance.
/// </summary>
public static class MaskedValues
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.General);

    /// <summary>Masks every argument in place.</summary>
    public static void MaskArguments(KernelArguments arguments)
    {
        foreach (var name in arguments.Keys.ToList())
        {
            arguments[name] = Mask(arguments[name]);
        }
    }

    /// <summary>The value with personal numbers masked; the same instance when there was nothing to mask.</summary>
    public static object? Mask(object? value)
    {
        switch (value)
        {
            case null or bool or char or Enum or DateOnly or DateTime or DateTimeOffset or TimeSpan or Guid:
                return value;
            case string text:
                return PersonalDataMasker.Mask(text);
            case string[] texts:
                return texts.Any(PersonalDataMasker.ContainsPersonalData) ? texts.Select(t => PersonalDataMasker.Mask(t)!).ToArray() : texts;
            case JsonElement element:
                return MaskNode(JsonSerializer.SerializeToNode(element)) is { } masked ? JsonSerializer.SerializeToElement(masked) : element;
            case JsonNode node:
                return MaskNode(node.DeepClone()) ?? node;
        }

        if (value.GetType().IsPrimitive || value is decimal)
        {
            return value;
        }

        var type = value.GetType();
        // Most results hold no personal number at all: one cheap check before building and rebuilding a JSON tree.
        if (!PersonalDataMasker.ContainsPersonalData(JsonSerializer.Serialize(value, type, s_json)))
        {
            return value;
        }

        var tree = JsonSerializer.SerializeToNode(value, type, s_json);
        if (MaskNode(tree) is not { } maskedTree)
        {
            return value;
        }

        // NOTE(assistant): a type that cannot be rebuilt from JSON is returned as masked JSON rather than unmasked.
        try
        {
            return maskedTree.Deserialize(type, s_json) ?? maskedTree;
        }
        catch (Exception ex) when (ex is NotSupportedException or JsonException)
        {
            return maskedTree;
        }
    }

    /// <summary>Masks the string values in <paramref name="node"/> in place; null when none changed.</summary>
    private static JsonNode? MaskNode(JsonNode? node) => node is JsonValue leaf ? Masked(leaf) : MaskInPlace(node) ? node : null;

    private static bool MaskInPlace(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var changed = false;
                foreach (var (key, child) in obj.ToList())
                {
                    if (child is JsonValue leaf && Masked(leaf) is { } replacement)
                    {
                        obj[key] = replacement;
                        changed = true;
                    }
                    else
                    {
                        changed |= MaskInPlace(child);
                    }
                }

                return changed;
            case JsonArray array:
                var any = false;
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue leaf && Masked(leaf) is { } replacement)
                    {
                        array[i] = replacement;
                        any = true;
                    }
                    else
                    {
                        any |= MaskInPlace(array[i]);
                    }
                }

                return any;
            default:
                return false;
        }
    }

    // A replacement for a string leaf that holds a personal number; null for anything else.
    private static JsonValue? Masked(JsonValue leaf) =>
        leaf.GetValueKind() == JsonValueKind.String && leaf.GetValue<string>() is var text && PersonalDataMasker.Mask(text) is { } masked
            && masked != text
            ? JsonValue.Create(masked)
            : null;
}
