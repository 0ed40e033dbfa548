package newssearch.enrich;

import java.util.List;

/**
 * A named entity of an article.
 *
 * @param name canonical name ("Nvidia" for "NVIDIA", "United States" for "U.S.")
 * @param type person, org, place, product or event
 * @param discovered true when only a name finder vouches for it (the cue rules or the trained
 *     model): neither the gazetteer nor the corpus metadata names it
 * @param mentions where the article names it, in order; empty for a name the corpus metadata gives
 *     but the text never mentions
 * @param given true when the corpus metadata names it (its {@code entities} field)
 * @param origin what found it first: {@value #GAZETTEER} (a known name), {@value #RULES} (the cue
 *     words of entity-cues.conf), {@value #MODEL} (the trained name finder) or {@value #GIVEN} (only
 *     the corpus metadata names it; a given name the text also names keeps the finder's origin)
 */
public record Entity(String name, String type, boolean discovered, List<Mention> mentions, boolean given, String origin) {
  public static final String GAZETTEER = "gazetteer";
  public static final String RULES = "rules";
  public static final String MODEL = "model";
  public static final String GIVEN = "given";

  /** A null origin (enrichment stored before origins existed) becomes the one the flags imply. */
  public Entity {
    mentions = List.copyOf(mentions);
    origin = origin != null ? origin : given && mentions.isEmpty() ? GIVEN : discovered ? RULES : GAZETTEER;
  }

  /** An entity with the origin its flags imply (given and unmentioned: given; discovered: rules; else gazetteer). */
  public Entity(String name, String type, boolean discovered, List<Mention> mentions, boolean given) {
    this(name, type, discovered, mentions, given, null);
  }

  /** An entity found in the text only. */
  public Entity(String name, String type, boolean discovered, List<Mention> mentions) {
    this(name, type, discovered, mentions, false);
  }
}
