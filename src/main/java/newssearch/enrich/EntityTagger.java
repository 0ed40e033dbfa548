package newssearch.enrich;

import java.util.List;
import newssearch.ingest.Article;

/**
 * Finds the named entities of an article in one pass over its words.
 *
 * <ol>
 *   <li>Known names: the longest gazetteer name starting at each word, mapped to its canonical
 *       name. A partial person name ("Trump") counts only when the article also names the person
 *       in full ("Donald Trump").
 *   <li>Discovered names: runs of capitalised words ("Richard Yu Chengdong", "Bank of England")
 *       that the gazetteer does not know, without the function words, titles and sentence openers
 *       around them, kept when a cue of {@code entity-cues.conf} types them: a title ("Premier"),
 *       a role word before or after ("robotics firm", ", chief executive of"), a last or first
 *       word ("Technologies", "Conference", "University of"), a speech verb ("said"), a given name,
 *       or a list they stand in with a typed name ("Frank McCourt, Alexis Ohanian and ...").
 *   <li>Short mentions: a lone surname of a person named in full ("McCourt"), "Mr" or "Ms" with a
 *       surname, or a lone name discovered elsewhere in the article.
 * </ol>
 *
 * Headline-style lines (most words capitalised) are searched for known names only. The names the
 * corpus metadata gives ({@link Article#entities()}) are then added, merged with those found.
 */
public final class EntityTagger {
  /** Which finders a tagger uses: all of them fused (the engine), or one alone (for evaluation). */
  public enum Finders {
    ALL, RULES, MODEL
  }

  private final EntityCues cues;
  private final GazetteerLookup lookup;
  private final CueTypes types;
  private final GivenEntities given;
  private final ModelNameFinder model;
  private final ModelFusion fusion;
  private final Finders finders;

  public EntityTagger(Gazetteer gazetteer) {
    this(gazetteer, Finders.ALL);
  }

  public EntityTagger(Gazetteer gazetteer, Finders finders) {
    this.cues = gazetteer.cues();
    this.lookup = new GazetteerLookup(gazetteer);
    this.types = new CueTypes(cues);
    this.given = new GivenEntities(lookup, cues, types);
    this.model = finders == Finders.RULES ? null : gazetteer.model();
    this.finders = finders;
    this.fusion = new ModelFusion(cues, lookup);
    if (finders == Finders.MODEL && model == null) {
      throw new IllegalStateException("the configuration has no trained name finder (" + ModelNameFinder.FILE + ")");
    }
  }

  public List<Entity> tag(Article article) {
    FieldWords title = new FieldWords("title", article.title(), lookup, cues);
    FieldWords text = new FieldWords("text", article.text(), lookup, cues);
    NameScan scan = new NameScan(List.of(title, text), cues, types);
    if (finders != Finders.MODEL) {
      scan.field(title);
      scan.field(text);
    }
    if (model != null) {
      // Gazetteer and cue names come first; the model adds the names they leave out (see ModelFusion).
      fusion.add(scan, title, model.find(title.text));
      fusion.add(scan, text, model.find(text.text));
    }
    List<Entity> found = scan.entities();
    return article.entities().isEmpty() ? found : given.withGiven(found, article.entities(), List.of(title, text));
  }

  /** The type of a given name that nothing else types. */
  static final String GIVEN_TYPE = GivenEntities.GIVEN_TYPE;
}
