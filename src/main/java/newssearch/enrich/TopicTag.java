package newssearch.enrich;

import java.util.List;

/**
 * A topic an article is tagged with, and why: the cues of the topic's definition that the
 * article matched ({@code metadata} when the corpus gave the topic).
 */
public record TopicTag(String id, String label, List<String> matched) {
  public TopicTag {
    matched = List.copyOf(matched);
  }
}
