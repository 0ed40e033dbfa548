package newssearch.enrich;

import java.util.List;
import org.apache.lucene.search.Query;

/**
 * One topic of the taxonomy.
 *
 * @param id the value stored in the index and used in URLs
 * @param label what people read
 * @param cues the queries that are evidence for the topic, each with the text it was written as
 * @param threshold how many different cues an article must match to be tagged
 */
public record Topic(String id, String label, List<Cue> cues, int threshold) {

  /** One piece of evidence: a query, and how the taxonomy file wrote it. */
  public record Cue(String text, Query query) {}

  public Topic {
    cues = List.copyOf(cues);
  }
}
