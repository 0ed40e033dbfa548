package newssearch.enrich;

import java.util.List;

/**
 * A named entity of an article.
 *
 * @param name canonical name ("Nvidia" for "NVIDIA", "United States" for "U.S.")
 * @param type person, org, place, product or event
 * @param discovered true when found by the name finder rather than the gazetteer
 * @param mentions where the article names it, in order
 */
public record Entity(String name, String type, boolean discovered, List<Mention> mentions) {
  public Entity {
    mentions = List.copyOf(mentions);
  }
}
