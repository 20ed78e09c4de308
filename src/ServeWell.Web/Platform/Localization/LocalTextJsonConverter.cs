using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServeWell.Web.Platform.Localization;

/// <summary>
/// <c>{"en": "…", "ko": "…"}</c> both ways (either may be missing or empty). A plain string is still accepted, so
/// clients written before texts had languages keep working: it is read as the text in the request's language
/// (its <c>Accept-Language</c>, which the request localisation has made the current UI culture).
/// </summary>
public sealed class LocalTextJsonConverter : JsonConverter<LocalText>
{
    public override LocalText Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return LocalText.In(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, reader.GetString());
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("Expected a text per language: {\"en\": \"…\", \"ko\": \"…\"}.");
        }

        string? en = null, ko = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            var value = reader.TokenType == JsonTokenType.Null ? null
                : reader.TokenType == JsonTokenType.String ? reader.GetString()
                : throw new JsonException($"“{name}” must be a string.");
            if (string.Equals(name, "en", StringComparison.OrdinalIgnoreCase))
            {
                en = value;
            }
            else if (string.Equals(name, "ko", StringComparison.OrdinalIgnoreCase))
            {
                ko = value;
            }
        }

        return LocalText.Of(en, ko);
    }

    public override void Write(Utf8JsonWriter writer, LocalText value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("en", value.En);
        writer.WriteString("ko", value.Ko);
        writer.WriteEndObject();
    }
}
