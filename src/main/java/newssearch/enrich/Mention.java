package newssearch.enrich;

/**
 * Where an entity is named in an article: character offsets into the field's text, end
 * exclusive. {@code field} is {@code title} or {@code text}.
 */
public record Mention(String field, int start, int end) {}
