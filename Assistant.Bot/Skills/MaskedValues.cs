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

    /// <summary>Masks every argument in place; strings <paramref name="keep"/> accepts stay as they are.</summary>
    public static void MaskArguments(KernelArguments arguments, Func<string, bool>? keep = null)
    {
        foreach (var name in arguments.Keys.ToList())
        {
            arguments[name] = Mask(arguments[name], keep);
        }
    }

    /// <summary>
    /// The value with personal numbers masked; the same instance when there was nothing to mask. A string that
    /// <paramref name="keep"/> accepts is left whole: the kernel's filter keeps the catalog's own identifiers (service
    /// ids, item codes, page URLs), whose provincial digit runs look like bank cards and were otherwise masked: the
    /// items out of reach, their page links broken.
    /// </summary>
    public static object? Mask(object? value, Func<string, bool>? keep = null)
    {
        switch (value)
        {
            case null or bool or char or Enum or DateOnly or DateTime or DateTimeOffset or TimeSpan or Guid:
                return value;
            case string text:
                return keep?.Invoke(text) == true ? text : PersonalDataMasker.Mask(text);
            case string[] texts:
                return texts.Any(t => keep?.Invoke(t) != true && PersonalDataMasker.ContainsPersonalData(t))
                    ? texts.Select(t => (string)Mask(t, keep)!).ToArray()
                    : texts;
            case JsonElement element:
                return MaskNode(JsonSerializer.SerializeToNode(element), keep) is { } masked ? JsonSerializer.SerializeToElement(masked) : element;
            case JsonNode node:
                return MaskNode(node.DeepClone(), keep) ?? node;
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
        if (MaskNode(tree, keep) is not { } maskedTree)
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
    private static JsonNode? MaskNode(JsonNode? node, Func<string, bool>? keep) =>
        node is JsonValue leaf ? Masked(leaf, keep) : MaskInPlace(node, keep) ? node : null;

    private static bool MaskInPlace(JsonNode? node, Func<string, bool>? keep)
    {
        switch (node)
        {
            case JsonObject obj:
                var changed = false;
                foreach (var (key, child) in obj.ToList())
                {
                    if (child is JsonValue leaf && Masked(leaf, keep) is { } replacement)
                    {
                        obj[key] = replacement;
                        changed = true;
                    }
                    else
                    {
                        changed |= MaskInPlace(child, keep);
                    }
                }

                return changed;
            case JsonArray array:
                var any = false;
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue leaf && Masked(leaf, keep) is { } replacement)
                    {
                        array[i] = replacement;
                        any = true;
                    }
                    else
                    {
                        any |= MaskInPlace(array[i], keep);
                    }
                }

                return any;
            default:
                return false;
        }
    }

    // A replacement for a string leaf that holds a personal number; null for anything else.
    private static JsonValue? Masked(JsonValue leaf, Func<string, bool>? keep) =>
        leaf.GetValueKind() == JsonValueKind.String && leaf.GetValue<string>() is var text && keep?.Invoke(text) != true
            && PersonalDataMasker.Mask(text) is { } masked
            && masked != text
            ? JsonValue.Create(masked)
            : null;
}
