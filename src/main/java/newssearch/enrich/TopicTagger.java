package newssearch.enrich;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import newssearch.ingest.Article;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * Tags an article with the topics of a {@link Taxonomy}: the article is put in a one-document
 * {@link MemoryIndex}, analysed like the real index, and every cue is run against it. Topics the
 * corpus metadata gives are kept, with {@code metadata} as their reason.
 */
public final class TopicTagger {
  private final Taxonomy taxonomy;
  private final Analyzer analyzer;
  /** One reusable in-memory index per indexing thread. */
  private final ThreadLocal<MemoryIndex> memory = ThreadLocal.withInitial(MemoryIndex::new);

  public TopicTagger(Taxonomy taxonomy, Analyzer analyzer) {
    this.taxonomy = taxonomy;
    this.analyzer = analyzer;
  }

  public List<TopicTag> tag(Article article) {
    MemoryIndex index = memory.get();
    index.reset();
    index.addField(Taxonomy.FIELD, article.title() + "\n\n" + article.text(), analyzer);
    // One searcher for every cue: MemoryIndex.search would build a reader and searcher per cue.
    IndexSearcher searcher = index.createSearcher();
    List<TopicTag> tags = new ArrayList<>();
    Set<String> given = new LinkedHashSet<>(article.topics());
    for (Topic topic : taxonomy.topics()) {
      List<String> matched = new ArrayList<>();
      float evidence = 0;
      for (Topic.Cue cue : topic.cues()) {
        if (matches(searcher, cue.query())) {
          matched.add(cue.text());
          evidence += cue.weight();
        }
      }
      if (given.remove(topic.id())) {
        matched.add(0, "metadata");
        tags.add(new TopicTag(topic.id(), topic.label(), matched));
      } else if (evidence >= topic.threshold()) {
        tags.add(new TopicTag(topic.id(), topic.label(), matched));
      }
    }
    for (String id : given) {
      tags.add(new TopicTag(id, id, List.of("metadata")));
    }
    return tags;
  }

  private static boolean matches(IndexSearcher searcher, Query query) {
    try {
      return searcher.count(query) > 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
