package newssearch.enrich;

import java.util.List;

/**
 * A named entity of an article.
 *
 * @param name canonical name ("Nvidia" for "NVIDIA", "United States" for "U.S.")
 * @param type person, org, place, product or event
 * @param discovered true when only the name finder vouches for it: neither the gazetteer nor the
 *     corpus metadata names it
 * @param mentions where the article names it, in order; empty for a name the corpus metadata gives
 *     but the text never mentions
 * @param given true when the corpus metadata names it (its {@code entities} field)
 */
public record Entity(String name, String type, boolean discovered, List<Mention> mentions, boolean given) {
  public Entity {
    mentions = List.copyOf(mentions);
  }

  /** An entity found in the text only. */
  public Entity(String name, String type, boolean discovered, List<Mention> mentions) {
    this(name, type, discovered, mentions, false);
  }
}
