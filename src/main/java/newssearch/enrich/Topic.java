package newssearch.enrich;

import java.util.List;
import org.apache.lucene.search.Query;

/**
 * One topic of the taxonomy.
 *
 * @param id the value stored in the index and used in URLs
 * @param label what people read
 * @param cues the queries that are evidence for the topic, each with the text it was written as
 * @param threshold what the cues an article matches must be worth together for it to be tagged
 */
public record Topic(String id, String label, List<Cue> cues, int threshold) {

  /** One piece of evidence: a query, how the taxonomy file wrote it, and what it counts for. */
  public record Cue(String text, Query query, float weight) {}

  public Topic {
    cues = List.copyOf(cues);
  }
}
