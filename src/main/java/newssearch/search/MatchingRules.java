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
   *
   * @param headlineWeight 1 or more: a word's headline and text are scored as one field (BM25F,
   *     Lucene's {@code CombinedFieldQuery}), the headline's words counted this many times; 0: each
   *     field on its own
   * @param dependence the sequential dependence model's weights (Metzler and Croft; Anserini's
   *     0.85, 0.1, 0.05): the words, each two neighbouring words close in that order, and near in
   *     any order; the last two 0 turn it off
   */
  public record QuestionRanking(double fieldTie, int feedbackDocs, int feedbackTerms, double feedbackQueryWeight,
      double headlineWeight, Dependence dependence) {
    public static final QuestionRanking DEFAULT = new QuestionRanking(0.3, 10, 10, 0.5, 2, Dependence.SDM);
    /** Ranked as keyword queries are: fields added up, no feedback. */
    public static final QuestionRanking PLAIN = new QuestionRanking(1, 0, 0, 1, 0, Dependence.NONE);

    /** Fields scored on their own, no dependence of neighbouring words. */
    public QuestionRanking(double fieldTie, int feedbackDocs, int feedbackTerms, double feedbackQueryWeight) {
      this(fieldTie, feedbackDocs, feedbackTerms, feedbackQueryWeight, 0, Dependence.NONE);
    }

    public boolean feedback() {
      return feedbackDocs > 0 && feedbackTerms > 0 && feedbackQueryWeight < 1;
    }

    QuestionRanking with(double tie, int docs, int terms, double queryWeight) {
      return new QuestionRanking(tie, docs, terms, queryWeight, headlineWeight, dependence);
    }
  }

  /**
   * The weights of a question's words ({@code words}), of each two neighbouring words within one
   * word of each other in that order ({@code ordered}) and of the two within eight words in any
   * order ({@code unordered}).
   */
  public record Dependence(double words, double ordered, double unordered) {
    public static final Dependence SDM = new Dependence(0.85, 0.1, 0.05);
    public static final Dependence NONE = new Dependence(1, 0, 0);

    public boolean active() {
      return ordered > 0 || unordered > 0;
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
          q = q.with(tie, q.feedbackDocs(), q.feedbackTerms(), q.feedbackQueryWeight());
        }
        case "feedback-docs" -> {
          int n = d.intValue();
          if (n < 0 || n > MAX_FEEDBACK) {
            throw d.error("'feedback-docs' must be between 0 and " + MAX_FEEDBACK + ", not " + n);
          }
          q = q.with(q.fieldTie(), n, q.feedbackTerms(), q.feedbackQueryWeight());
        }
        case "feedback-terms" -> {
          int n = d.intValue();
          if (n < 0 || n > MAX_FEEDBACK) {
            throw d.error("'feedback-terms' must be between 0 and " + MAX_FEEDBACK + ", not " + n);
          }
          q = q.with(q.fieldTie(), q.feedbackDocs(), n, q.feedbackQueryWeight());
        }
        case "feedback-query-weight" -> {
          double w = d.doubleValue();
          if (!(w > 0 && w <= 1)) {
            throw d.error("'feedback-query-weight' must be above 0 and at most 1, not " + d.value());
          }
          q = q.with(q.fieldTie(), q.feedbackDocs(), q.feedbackTerms(), w);
        }
        case "question-headline-weight" -> {
          double w = d.doubleValue();
          if (!(w == 0 || w >= 1 && w <= 100)) {
            throw d.error("'question-headline-weight' must be 0 or between 1 and 100, not " + d.value());
          }
          q = new QuestionRanking(q.fieldTie(), q.feedbackDocs(), q.feedbackTerms(), q.feedbackQueryWeight(), w,
              q.dependence());
        }
        case "question-dependence" -> {
          String[] w = d.value().trim().split("\\s+");
          double[] v = new double[3];
          try {
            if (w.length != 3) {
              throw new NumberFormatException();
            }
            for (int i = 0; i < 3; i++) {
              v[i] = Double.parseDouble(w[i]);
            }
          } catch (NumberFormatException e) {
            throw d.error("'question-dependence' takes three weights (words, ordered, unordered), not " + d.value());
          }
          if (!(v[0] > 0 && v[0] <= 1 && v[1] >= 0 && v[1] <= 1 && v[2] >= 0 && v[2] <= 1)) {
            throw d.error("'question-dependence' weights must be between 0 and 1, the words' above 0, not " + d.value());
          }
          q = new QuestionRanking(q.fieldTie(), q.feedbackDocs(), q.feedbackTerms(), q.feedbackQueryWeight(),
              q.headlineWeight(), new Dependence(v[0], v[1], v[2]));
        }
        default -> throw d.error("unknown directive '" + d.key() + "'; expected relax-below, relax-above, minimum-match,"
            + " common-word-ratio, optional-words, question-field-tie, question-headline-weight, question-dependence,"
            + " feedback-docs, feedback-terms or feedback-query-weight");
      }
    }
    return new MatchingRules(relaxBelow, mm, common, optionalGiven ? Set.copyOf(optional) : DEFAULT.optionalWords,
        relaxAbove, q);
  }
}
