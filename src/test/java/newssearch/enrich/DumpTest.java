package newssearch.enrich;

import java.nio.file.Path;
import java.util.List;
import newssearch.TestCorpus;
import newssearch.ingest.Article;
import org.junit.jupiter.api.Test;

class DumpTest {
  @Test
  void dump() {
    Enricher e = TestCorpus.config().enricher();
    String roots = System.getProperty("dump.roots", "corpus");
    for (String r : roots.split(",")) {
      List<Article> arts = TestCorpus.read(TestCorpus.home().resolve(r));
      for (Article a : arts) {
        EnrichedArticle x = e.enrich(a);
        System.out.println("== " + a.origin() + " | " + a.title() + " | " + x.date());
        x.topics().forEach(t -> System.out.println("  T " + t.id() + " " + t.matched()));
        x.entities().forEach(en -> System.out.println("  E " + en.type() + " " + en.name() + (en.discovered() ? " *" : "") + " x" + en.mentions().size()));
      }
    }
  }
}
