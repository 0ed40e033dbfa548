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
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
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
 * cue, worth its boost ({@code "export controls"^2} counts twice) or 1. An article is tagged when
 * the cues it matches are worth at least {@code threshold} together; each cue counts once however
 * often the article matches it.
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
    // Every word of a cues line is its own cue ("chip chips" is two), as the file reads.
    parser.setSplitOnWhitespace(true);
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
    List<Query> clauses = new ArrayList<>();
    if (query instanceof BooleanQuery bq) {
      bq.clauses().forEach(c -> clauses.add(c.query()));
    } else {
      clauses.add(query);
    }
    // The reasons people read are the cues as the file writes them ("chip*", not "body:chip*");
    // when operators make the written clauses and the parsed ones differ, the parsed form is shown.
    List<String> written = clauses(d.value());
    boolean aligned = written.size() == clauses.size();
    List<Topic.Cue> cues = new ArrayList<>();
    for (int i = 0; i < clauses.size(); i++) {
      Query clause = clauses.get(i);
      float weight = clause instanceof BoostQuery boost ? boost.getBoost() : 1f;
      String text = aligned ? withoutBoost(written.get(i)) : clause.toString(FIELD);
      cues.add(new Topic.Cue(text, clause, weight));
    }
    return cues;
  }

  /** The top-level clauses of a cues line as written: split at spaces outside quotes and brackets. */
  static List<String> clauses(String line) {
    List<String> clauses = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    int depth = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\' && i + 1 < line.length()) {
        current.append(c).append(line.charAt(++i));
        continue;
      }
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && c == '(') {
        depth++;
      } else if (!quoted && c == ')') {
        depth--;
      }
      if (Character.isWhitespace(c) && !quoted && depth == 0) {
        if (!current.isEmpty()) {
          clauses.add(current.toString());
          current.setLength(0);
        }
      } else {
        current.append(c);
      }
    }
    if (!current.isEmpty()) {
      clauses.add(current.toString());
    }
    return clauses;
  }

  private static String withoutBoost(String clause) {
    return clause.replaceFirst("\\^[0-9.]+$", "");
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
      return new Topic(idAndLabel[0], label, distinct(cues), threshold);
    }

    /**
     * Cues that analyse to the same query ("chip" and "chips" both stem to "chip") are one piece
     * of evidence: the first written is kept, so a word and its plural do not count twice.
     */
    private static List<Topic.Cue> distinct(List<Topic.Cue> cues) {
      Map<Query, Topic.Cue> byQuery = new LinkedHashMap<>();
      for (Topic.Cue cue : cues) {
        Query q = cue.query() instanceof BoostQuery boost ? boost.getQuery() : cue.query();
        byQuery.putIfAbsent(q, cue);
      }
      return List.copyOf(byQuery.values());
    }
  }
}
