package newssearch.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import newssearch.index.IndexBuilder;
import newssearch.index.IndexConfig;
import newssearch.index.IndexStore;
import newssearch.ingest.Article;
import newssearch.ingest.CorpusReader;
import newssearch.ingest.IngestReport;
import newssearch.search.ArticleSearcher;
import newssearch.search.SearchLimits;
import newssearch.search.InvalidRequestException;
import newssearch.search.QuerySyntax;
import newssearch.search.SearchRequest;
import newssearch.search.SortOrder;
import org.apache.lucene.queryparser.classic.QueryParserBase;

/**
 * Runs every topic of a test collection through the product's own path: the documents are read,
 * enriched and indexed as {@code news-search index} does, and each topic is searched as typed
 * with {@link ArticleSearcher}, the ranking users see, to {@link #DEPTH} results.
 */
public final class Evaluation {
  /** Results kept per topic, as trec_eval runs usually hold. */
  public static final int DEPTH = 1000;

  /** One topic's outcome: the ranking (ids, best first), and whether it was refused. */
  public record TopicRun(String topic, String query, List<String> ranked, boolean refused,
      String refusal, boolean zeroHitButOrFindsRelevant) {}

  /** Mean scores over the judged topics and the counts of topics that found nothing or were refused. */
  public record Scores(int topics, double map, double ndcg10, double p10, double recall100, int zeroHit,
      int zeroHitOrFindsRelevant, int refused) {}

  public record Result(Scores scores, List<TopicRun> runs) {}

  private Evaluation() {}

  /** Indexes {@code docs} into {@code indexDir} (which should be empty) and evaluates {@code judgments}. */
  public static Result run(IndexConfig config, List<Path> docs, Judgments judgments, QuerySyntax syntax, Path indexDir,
      IngestReport report) throws IOException {
    List<Article> articles = CorpusReader.standard(config.ingest(), false).read(docs, report);
    if (articles.isEmpty()) {
      throw new IOException("no document could be read from " + docs);
    }
    IndexStore store = new IndexStore(indexDir);
    new IndexBuilder(config.analysis().index(), config.enricher()).build(store, articles, done -> {});
    try (ArticleSearcher searcher = ArticleSearcher.open(store, config.analysis().query(), config.taxonomy(),
        SearchLimits.DEFAULT, config.matching())) {
      return evaluate(searcher, judgments, syntax);
    }
  }

  /** Evaluates {@code judgments} against an open searcher. */
  public static Result evaluate(ArticleSearcher searcher, Judgments judgments, QuerySyntax syntax) throws IOException {
    List<TopicRun> runs = new ArrayList<>();
    double map = 0, ndcg = 0, p10 = 0, r100 = 0;
    int zeroHit = 0, zeroOr = 0, refused = 0;
    Map<String, String> topics = judgments.judgedTopics();
    for (Map.Entry<String, String> topic : topics.entrySet()) {
      Map<String, Integer> judged = judgments.judged(topic.getKey());
      TopicRun run = runTopic(searcher, topic.getKey(), topic.getValue(), syntax, judged);
      runs.add(run);
      map += Metrics.averagePrecision(run.ranked(), judged);
      ndcg += Metrics.ndcgAt(10, run.ranked(), judged);
      p10 += Metrics.precisionAt(10, run.ranked(), judged);
      r100 += Metrics.recallAt(100, run.ranked(), judged);
      if (run.refused()) {
        refused++;
      } else if (run.ranked().isEmpty()) {
        zeroHit++;
      }
      if (run.zeroHitButOrFindsRelevant()) {
        zeroOr++;
      }
    }
    int n = Math.max(1, topics.size());
    return new Result(new Scores(topics.size(), map / n, ndcg / n, p10 / n, r100 / n, zeroHit, zeroOr, refused), runs);
  }

  private static TopicRun runTopic(ArticleSearcher searcher, String id, String query, QuerySyntax syntax,
      Map<String, Integer> judged) throws IOException {
    try {
      List<String> ranked = search(searcher, query, syntax);
      boolean orFinds = ranked.isEmpty() && orFindsRelevant(searcher, query, judged);
      return new TopicRun(id, query, ranked, false, null, orFinds);
    } catch (InvalidRequestException e) {
      return new TopicRun(id, query, List.of(), true, e.code() + ": " + e.getMessage(), false);
    }
  }

  private static boolean orFindsRelevant(ArticleSearcher searcher, String query, Map<String, Integer> judged)
      throws IOException {
    String any = anyWord(query);
    return !any.isEmpty() && search(searcher, any, QuerySyntax.LUCENE).stream()
        .anyMatch(doc -> judged.getOrDefault(doc, 0) > 0);
  }

  /** The ranking users see (the same matching and order as a search), to {@link #DEPTH} results. */
  private static List<String> search(ArticleSearcher searcher, String query, QuerySyntax syntax)
      throws IOException {
    SearchRequest request = new SearchRequest(query, syntax, List.of(), List.of(), null, null, SortOrder.RELEVANCE, 1,
        SearchRequest.DEFAULT_SIZE);
    return searcher.ranking(request, DEPTH);
  }

  /**
   * The query's distinct words joined by OR in Lucene syntax (at most {@link #OR_WORDS}, which
   * stays within the term budget): plain BM25, the check that "found nothing" was avoidable.
   */
  static String anyWord(String query) {
    List<String> words = java.util.Arrays.stream(query.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
        .filter(w -> !w.isBlank()).distinct().limit(OR_WORDS).map(QueryParserBase::escape).toList();
    return String.join(" OR ", words);
  }

  private static final int OR_WORDS = 90;
}
