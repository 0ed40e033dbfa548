// Enriches a corpus several times in one JVM and prints each pass's CPU time, per article, and a
// digest of every article's enrichment (topics, entities, date), so that a change meant to make
// enrichment cheaper can show both its cost and that its output is the same. The first pass
// carries the JVM's warm-up (interpreter, JIT compilation); the last ones are the steady state.
// Run (JDK 21+), after mvn package:
//   java -cp target/news-search.jar bench/EnrichPasses.java ../shared/datasets/bbc 8
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import newssearch.enrich.EnrichedArticle;
import newssearch.enrich.Enricher;
import newssearch.index.IndexConfig;
import newssearch.ingest.Article;
import newssearch.ingest.CorpusReader;
import newssearch.ingest.IngestReport;

public class EnrichPasses {
  public static void main(String[] args) throws Exception {
    Path corpus = Path.of(args[0]);
    int passes = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    IndexConfig config = IndexConfig.load(Path.of(args.length > 2 ? args[2] : "index-config"));
    List<Article> articles = CorpusReader.standard(config.ingest(), true).read(List.of(corpus), new IngestReport());
    Enricher enricher = config.enricher();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int pass = 1; pass <= passes; pass++) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      long start = threads.getCurrentThreadCpuTime();
      for (Article a : articles) {
        EnrichedArticle e = enricher.enrich(a);
        digest.update((a.id() + "|" + e.topics() + "|" + e.entities() + "|" + e.date() + "\n").getBytes(StandardCharsets.UTF_8));
      }
      double ms = (threads.getCurrentThreadCpuTime() - start) / 1e6;
      System.out.printf("pass %d: %,.0f ms CPU, %.3f ms an article, %,d articles, digest %s%n", pass, ms,
          ms / articles.size(), articles.size(), HexFormat.of().formatHex(digest.digest(), 0, 8));
    }
  }
}
