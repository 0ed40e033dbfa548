package newssearch.search;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import newssearch.config.Directive;
import newssearch.config.DirectiveFile;

/**
 * When a query of words may match articles that lack some of them ({@code index-config/search.conf}).
 *
 * @param relaxBelow when fewer articles than this have every word, articles with enough of the
 *     words are shown instead (0 never relaxes)
 * @param minimumMatch how many of the words "enough" is
 * @param commonRatio a word in more than this share of the articles is never required: it still
 *     ranks, but does not count toward the minimum (Lucene's CommonTermsQuery idea)
 * @param optionalWords words of a question ("what", "how") that are never required
 * @param relaxAbove a query of more words than this (a question, a pasted paragraph) always gets
 *     the articles with enough of its words after those with all of them, however many have all
 *     (0 never: {@code relaxBelow} decides for every query)
 * @param questions how the articles a question matches are ranked
 */
public record MatchingRules(int relaxBelow, MinimumMatch minimumMatch, double commonRatio, Set<String> optionalWords,
    int relaxAbove, QuestionRanking questions) {
  public static final String FILE = "search.conf";

  /**
   * How a question (more than {@code relaxAbove} words) is ranked: each word's fields combined as
   * a disjunction max with {@code fieldTie} (Solr's dismax {@code tie}, Elasticsearch's
   * {@code tie_breaker}; 1 adds them up), then pseudo-relevance feedback (RM3, as Anserini runs
   * it): the {@code feedbackTerms} words that best describe the {@code feedbackDocs} top articles
   * are added to the question, which keeps {@code feedbackQueryWeight} of the weight, and the
   * articles it matched are ranked again. {@code feedbackDocs} 0 turns feedback off.
   */
  public record QuestionRanking(double fieldTie, int feedbackDocs, int feedbackTerms, double feedbackQueryWeight) {
    public static final QuestionRanking DEFAULT = new QuestionRanking(0.3, 10, 10, 0.5);
    /** Ranked as keyword queries are: fields added up, no feedback. */
    public static final QuestionRanking PLAIN = new QuestionRanking(1, 0, 0, 1);

    public boolean feedback() {
      return feedbackDocs > 0 && feedbackTerms > 0 && feedbackQueryWeight < 1;
    }
  }

  public MatchingRules(int relaxBelow, MinimumMatch minimumMatch, double commonRatio, Set<String> optionalWords,
      int relaxAbove) {
    this(relaxBelow, minimumMatch, commonRatio, optionalWords, relaxAbove, QuestionRanking.DEFAULT);
  }

  /** The rules when {@code search.conf} is absent. */
  public static final MatchingRules DEFAULT = new MatchingRules(10, MinimumMatch.parse("2<-1 5<1"), 1.0,
      Set.of("what", "which", "who", "whom", "whose", "why", "how", "when", "where", "whether", "do", "does",
          "did", "can", "could", "would", "should", "were", "has", "have", "had"), 5);

  /** Never relaxes: every word is required, as the explicit syntax is. */
  public static final MatchingRules STRICT = new MatchingRules(0, MinimumMatch.parse("100%"), 1.0, Set.of(), 0,
      QuestionRanking.PLAIN);

  /** Most feedback articles or words a configuration may ask for: each costs work on every question. */
  static final int MAX_FEEDBACK = 50;

  /** True when a query of {@code words} words gets its relaxed matches whatever {@code relaxBelow} says. */
  public boolean relaxAll(int words) {
    return relaxBelow > 0 && relaxAbove > 0 && words > relaxAbove;
  }

  /**
   * Reads {@code search.conf} from {@code configDir}; the defaults when there is none. A bad line
   * is a {@link newssearch.config.ConfigException} naming file and line.
   */
  public static MatchingRules load(Path configDir) {
    Path file = configDir.resolve(FILE);
    if (!Files.exists(file)) {
      return DEFAULT;
    }
    int relaxBelow = DEFAULT.relaxBelow;
    MinimumMatch mm = DEFAULT.minimumMatch;
    double common = DEFAULT.commonRatio;
    Set<String> optional = new LinkedHashSet<>();
    boolean optionalGiven = false;
    int relaxAbove = DEFAULT.relaxAbove;
    QuestionRanking q = DEFAULT.questions;
    for (Directive d : DirectiveFile.read(file)) {
      switch (d.key()) {
        case "relax-below" -> {
          relaxBelow = d.intValue();
          if (relaxBelow < 0) {
            throw d.error("'relax-below' must be 0 or more, not " + relaxBelow);
          }
        }
        case "minimum-match" -> {
          try {
            mm = MinimumMatch.parse(d.value());
          } catch (IllegalArgumentException e) {
            throw d.error("'minimum-match': " + e.getMessage());
          }
        }
        case "common-word-ratio" -> {
          common = d.doubleValue();
          if (!(common > 0 && common <= 1)) {
            throw d.error("'common-word-ratio' must be above 0 and at most 1, not " + d.value());
          }
        }
        case "optional-words" -> {
          optionalGiven = true;
          for (String w : d.value().split("\\s+")) {
            if (!w.isBlank()) {
              optional.add(w.toLowerCase(Locale.ROOT));
            }
          }
        }
        case "relax-above" -> {
          relaxAbove = d.intValue();
          if (relaxAbove < 0) {
            throw d.error("'relax-above' must be 0 or more, not " + relaxAbove);
          }
        }
        case "question-field-tie" -> {
          double tie = d.doubleValue();
          if (!(tie >= 0 && tie <= 1)) {
            throw d.error("'question-field-tie' must be between 0 and 1, not " + d.value());
          }
          q = new QuestionRanking(tie, q.feedbackDocs(), q.feedbackTerms(), q.feedbackQueryWeight());
        }
        case "feedback-docs" -> {
          int n = d.intValue();
          if (n < 0 || n > MAX_FEEDBACK) {
            throw d.error("'feedback-docs' must be between 0 and " + MAX_FEEDBACK + ", not " + n);
          }
          q = new QuestionRanking(q.fieldTie(), n, q.feedbackTerms(), q.feedbackQueryWeight());
        }
        case "feedback-terms" -> {
          int n = d.intValue();
          if (n < 0 || n > MAX_FEEDBACK) {
            throw d.error("'feedback-terms' must be between 0 and " + MAX_FEEDBACK + ", not " + n);
          }
          q = new QuestionRanking(q.fieldTie(), q.feedbackDocs(), n, q.feedbackQueryWeight());
        }
        case "feedback-query-weight" -> {
          double w = d.doubleValue();
          if (!(w > 0 && w <= 1)) {
            throw d.error("'feedback-query-weight' must be above 0 and at most 1, not " + d.value());
          }
          q = new QuestionRanking(q.fieldTie(), q.feedbackDocs(), q.feedbackTerms(), w);
        }
        default -> throw d.error("unknown directive '" + d.key() + "'; expected relax-below, relax-above, minimum-match,"
            + " common-word-ratio, optional-words, question-field-tie, feedback-docs, feedback-terms or feedback-query-weight");
      }
    }
    return new MatchingRules(relaxBelow, mm, common, optionalGiven ? Set.copyOf(optional) : DEFAULT.optionalWords,
        relaxAbove, q);
  }
}
