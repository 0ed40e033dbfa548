package newssearch.ingest;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds an article's headline among its paragraphs, or derives one from the lead sentence. */
public final class Titles {
  static final int MAX_HEADLINE_CHARS = 160;
  static final int MAX_HEADLINE_WORDS = 24;
  static final int MAX_DERIVED_CHARS = 110;

  // A sentence ends at . ! or ? followed by a space and a capital or a quote, unless the word
  // before the point is an initial or a short abbreviation ("U.S.", "Mr.").
  private static final Pattern SENTENCE_END =
      Pattern.compile("(?<![A-Z]\\.[A-Z])(?<!\\b(?:Mr|Mrs|Ms|Dr|St|No|vs|Inc|Co|Corp|Ltd|Jr|Sr))([.!?])[\"”’]?\\s+(?=[\"“‘A-Z0-9])");

  private Titles() {}

  /**
   * True when the first paragraph reads as a headline: short, without a final full stop (an
   * ellipsis may end one: "Rivals of the £400 Apple..."), and followed by body text.
   */
  public static boolean startsWithHeadline(List<String> paragraphs) {
    if (paragraphs.size() < 2) {
      return false;
    }
    String first = paragraphs.get(0);
    if (first.length() > MAX_HEADLINE_CHARS || first.split("\\s+").length > MAX_HEADLINE_WORDS) {
      return false;
    }
    if (first.endsWith("...") || first.endsWith("…")) {
      return true;
    }
    char last = first.charAt(first.length() - 1);
    return last != '.' && last != ',' && last != ';' && last != ':';
  }

  /** The lead sentence of a text, shortened at a word boundary with an ellipsis when long. */
  public static String fromLead(String text) {
    String sentence = leadSentence(text);
    if (sentence.length() <= MAX_DERIVED_CHARS) {
      return sentence;
    }
    int cut = sentence.lastIndexOf(' ', MAX_DERIVED_CHARS - 1);
    String head = sentence.substring(0, cut > 0 ? cut : MAX_DERIVED_CHARS - 1);
    return head.replaceAll("[\\s,;:–—-]+$", "") + "…";
  }

  static String leadSentence(String text) {
    String firstParagraph = text.strip().split("\n", 2)[0];
    Matcher m = SENTENCE_END.matcher(firstParagraph);
    if (m.find()) {
      return firstParagraph.substring(0, m.start() + (m.group(1).equals(".") ? 0 : 1)).strip();
    }
    String s = firstParagraph.strip();
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }
}
