package newssearch.enrich;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import newssearch.ingest.Article;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

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
  /**
   * The terms an article must hold for each cue to match it. Most cues are absent from most
   * articles; looking a term up is much cheaper than running the cue, so a cue runs only when its
   * terms are there.
   */
  private final Map<Query, List<Term>> required = new IdentityHashMap<>();

  public TopicTagger(Taxonomy taxonomy, Analyzer analyzer) {
    this.taxonomy = taxonomy;
    this.analyzer = analyzer;
    for (Topic topic : taxonomy.topics()) {
      for (Topic.Cue cue : topic.cues()) {
        List<Term> terms = new ArrayList<>();
        requiredTerms(cue.query(), terms);
        required.put(cue.query(), List.copyOf(terms));
      }
    }
  }

  public List<TopicTag> tag(Article article) {
    MemoryIndex index = memory.get();
    index.reset();
    index.addField(Taxonomy.FIELD, article.title() + "\n\n" + article.text(), analyzer);
    // One searcher for every cue: MemoryIndex.search would build a reader and searcher per cue.
    IndexSearcher searcher = index.createSearcher();
    TermsEnum present = termsOf(searcher);
    List<TopicTag> tags = new ArrayList<>();
    Set<String> given = new LinkedHashSet<>(article.topics());
    for (Topic topic : taxonomy.topics()) {
      List<String> matched = new ArrayList<>();
      float evidence = 0;
      for (Topic.Cue cue : topic.cues()) {
        if (holdsAll(present, required.get(cue.query())) && matches(searcher, cue.query())) {
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

  /** Adds the terms every match of {@code query} contains (none when that is not known for its kind). */
  static void requiredTerms(Query query, List<Term> terms) {
    switch (query) {
      case TermQuery t -> terms.add(t.getTerm());
      case PhraseQuery p -> terms.addAll(List.of(p.getTerms()));
      case BoostQuery b -> requiredTerms(b.getQuery(), terms);
      case ConstantScoreQuery c -> requiredTerms(c.getQuery(), terms);
      case BooleanQuery b -> {
        for (BooleanClause c : b.clauses()) {
          if (c.occur() == BooleanClause.Occur.MUST || c.occur() == BooleanClause.Occur.FILTER) {
            requiredTerms(c.query(), terms);
          }
        }
      }
      default -> {}
    }
  }

  private static TermsEnum termsOf(IndexSearcher searcher) {
    try {
      Terms terms = searcher.getIndexReader().leaves().get(0).reader().terms(Taxonomy.FIELD);
      return terms == null ? TermsEnum.EMPTY : terms.iterator();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean holdsAll(TermsEnum present, List<Term> terms) {
    try {
      for (Term t : terms) {
        // The article has one field: a term of another field matches nothing in it either.
        if (!t.field().equals(Taxonomy.FIELD) || !present.seekExact(t.bytes())) {
          return false;
        }
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean matches(IndexSearcher searcher, Query query) {
    try {
      return searcher.count(query) > 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
