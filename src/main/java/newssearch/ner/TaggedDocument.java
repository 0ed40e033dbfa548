package newssearch.ner;

import java.util.List;

/** A document of an annotated corpus (a {@code newdoc} or {@code -DOCSTART-} section). */
public record TaggedDocument(String id, List<TaggedSentence> sentences) {
  public TaggedDocument {
    sentences = List.copyOf(sentences);
  }
}
