package newssearch.ner;

import java.util.List;

/** A sentence of an annotated corpus: its tokens and the names labelled in it. */
public record TaggedSentence(List<String> tokens, List<NameSpan> names) {
  public TaggedSentence {
    tokens = List.copyOf(tokens);
    names = List.copyOf(names);
  }

  /** The words of a span, separated by spaces. */
  public String text(NameSpan span) {
    return String.join(" ", tokens.subList(span.start(), span.end()));
  }
}
