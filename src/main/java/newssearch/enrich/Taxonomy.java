package newssearch.enrich;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import newssearch.config.ConfigException;
import newssearch.config.Directive;
import newssearch.config.DirectiveFile;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;

/**
 * The topics articles are tagged with, from {@code index-config/topics.conf}:
 *
 * <pre>
 * topic     chips Semiconductors
 * threshold 2
 * cues      chip chips semiconductor* GPU "chipmaking equipment"
 * </pre>
 *
 * {@code cues} lines are Lucene queries, analysed like the index; each top-level clause is one
 * cue. An article is tagged when it matches at least {@code threshold} different cues.
 */
public final class Taxonomy {
  public static final String FILE = "topics.conf";
  /** The field cues are written against: the article's title and text together. */
  public static final String FIELD = "body";

  private final Map<String, Topic> topics;

  public Taxonomy(List<Topic> topics) {
    Map<String, Topic> byId = new LinkedHashMap<>();
    topics.forEach(t -> byId.put(t.id(), t));
    this.topics = byId;
  }

  public List<Topic> topics() {
    return List.copyOf(topics.values());
  }

  public Optional<Topic> topic(String id) {
    return Optional.ofNullable(topics.get(id));
  }

  public static Taxonomy load(Path configDir, Analyzer analyzer) {
    Path file = configDir.resolve(FILE);
    QueryParser parser = new QueryParser(FIELD, analyzer);
    parser.setDefaultOperator(QueryParser.Operator.OR);
    List<Topic> topics = new ArrayList<>();
    Builder current = null;
    for (Directive d : DirectiveFile.read(file)) {
      if (d.key().equals("topic")) {
        if (current != null) {
          topics.add(current.build());
        }
        current = new Builder(d);
        continue;
      }
      if (current == null) {
        throw d.error("'" + d.key() + "' before the first 'topic' line");
      }
      switch (d.key()) {
        case "threshold" -> current.threshold = d.intValue();
        case "cues" -> current.cues.addAll(cues(d, parser));
        default -> throw d.error("unknown directive '" + d.key() + "' (expected topic, threshold or cues)");
      }
    }
    if (current != null) {
      topics.add(current.build());
    }
    if (topics.isEmpty()) {
      throw new ConfigException(file, 0, "no topics defined");
    }
    return new Taxonomy(topics);
  }

  private static List<Topic.Cue> cues(Directive d, QueryParser parser) {
    Query query;
    try {
      query = parser.parse(d.value());
    } catch (ParseException e) {
      throw d.error("cues do not parse: " + e.getMessage().lines().findFirst().orElse(""));
    }
    List<Topic.Cue> cues = new ArrayList<>();
    if (query instanceof BooleanQuery bq) {
      for (BooleanClause clause : bq.clauses()) {
        cues.add(new Topic.Cue(clause.query().toString(FIELD), clause.query()));
      }
    } else {
      cues.add(new Topic.Cue(query.toString(FIELD), query));
    }
    return cues;
  }

  private static final class Builder {
    final Directive start;
    final List<Topic.Cue> cues = new ArrayList<>();
    int threshold = 1;

    Builder(Directive start) {
      this.start = start;
    }

    Topic build() {
      String[] idAndLabel = start.value().split("\\s+", 2);
      if (idAndLabel[0].isEmpty() || !idAndLabel[0].matches("[a-z0-9][a-z0-9-]*")) {
        throw start.error("a topic needs an id of lower-case letters, digits and dashes, then its label");
      }
      if (cues.isEmpty()) {
        throw start.error("topic '" + idAndLabel[0] + "' has no cues line");
      }
      if (threshold < 1) {
        throw start.error("topic '" + idAndLabel[0] + "' needs a threshold of at least 1");
      }
      String label = idAndLabel.length > 1 ? idAndLabel[1] : idAndLabel[0];
      return new Topic(idAndLabel[0], label, cues, threshold);
    }
  }
}
