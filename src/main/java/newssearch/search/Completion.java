package newssearch.search;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One completion of what the user is typing: an article title (with the article's id) or an
 * entity name (with its type).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Completion(String text, String kind, String id, String type) {
  public static final String TITLE = "title";
  public static final String ENTITY = "entity";
}
