package newssearch.ner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Reads annotated text in CoNLL / IOB columns: one token a line, sentences separated by blank lines.
 * The token is the first column, or the second when the first is a token number (CoNLL-U style,
 * as in Universal NER); the tag is the last column that reads as one ({@code O}, {@code B-X},
 * {@code I-X}). As in conlleval, {@code I-X} after {@code O} or another type starts a name, so IO
 * files (wikigold) read too. Types other than PER/ORG/LOC ({@link NerTypes#ofCorpus}) are read as
 * {@code O}. Documents start at {@code # newdoc} and {@code -DOCSTART-} lines; without them the file
 * is one document. A file ending in {@code .gz} is read through gzip.
 */
public final class IobReader {
  private static final Pattern TAG = Pattern.compile("O|[BIES]-\\S+");
  private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.-]\\d+)?");

  private IobReader() {}

  /** The documents of {@code file}; a line that is not a token line stops with its file and line number. */
  public static List<TaggedDocument> read(Path file) {
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return read(reader, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  static List<TaggedDocument> read(BufferedReader reader, String name) throws IOException {
    List<TaggedDocument> documents = new ArrayList<>();
    List<TaggedSentence> sentences = new ArrayList<>();
    List<String> tokens = new ArrayList<>();
    List<String> tags = new ArrayList<>();
    String docId = name + "#1";
    int lineNumber = 0;
    String line;
    while ((line = reader.readLine()) != null) {
      lineNumber++;
      String stripped = line.strip();
      boolean newdoc = stripped.startsWith("# newdoc") || stripped.startsWith("-DOCSTART-");
      if (stripped.isEmpty() || newdoc) {
        if (!tokens.isEmpty()) {
          sentences.add(sentence(tokens, tags));
          tokens.clear();
          tags.clear();
        }
        if (newdoc) {
          if (!sentences.isEmpty()) {
            documents.add(new TaggedDocument(docId, sentences));
            sentences = new ArrayList<>();
          }
          int eq = stripped.indexOf('=');
          docId = eq > 0 ? stripped.substring(eq + 1).strip() : name + "#" + (documents.size() + 1);
        }
        continue;
      }
      String[] columns = line.indexOf('\t') >= 0 ? line.split("\t") : stripped.split("\\s+");
      if (columns.length > 1 && columns[0].isBlank() && !NUMBER.matcher(columns[0].strip()).matches()) {
        continue; // a token that is only white space (some tweets have one): not a word
      }
      for (int c = 0; c < columns.length; c++) {
        columns[c] = columns[c].strip();
      }
      if (stripped.startsWith("#") && (stripped.contains(" = ") || columns.length < 2 || !TAG.matcher(columns[columns.length - 1]).matches())) {
        continue;
      }
      int tagColumn = -1;
      for (int c = columns.length - 1; c >= 1; c--) {
        if (TAG.matcher(columns[c]).matches()) {
          tagColumn = c;
          break;
        }
      }
      if (tagColumn < 0) {
        throw new IllegalArgumentException(name + ":" + lineNumber + ": no IOB tag (O, B-X, I-X) in '" + line + "'");
      }
      int tokenColumn = columns.length >= 3 && tagColumn >= 2 && NUMBER.matcher(columns[0]).matches() ? 1 : 0;
      tokens.add(columns[tokenColumn]);
      tags.add(columns[tagColumn]);
    }
    if (!tokens.isEmpty()) {
      sentences.add(sentence(tokens, tags));
    }
    if (!sentences.isEmpty()) {
      documents.add(new TaggedDocument(docId, sentences));
    }
    return documents;
  }

  /** The names of a tag sequence, with conlleval's chunk boundaries. */
  static TaggedSentence sentence(List<String> tokens, List<String> tags) {
    List<NameSpan> names = new ArrayList<>();
    int start = -1;
    String type = null;
    for (int i = 0; i <= tags.size(); i++) {
      String tag = i < tags.size() ? tags.get(i) : "O";
      String prefix = tag.equals("O") ? "O" : tag.substring(0, 1);
      String t = tag.equals("O") ? null : NerTypes.ofCorpus(tag.substring(2));
      boolean continues = t != null && t.equals(type) && (prefix.equals("I") || prefix.equals("E"));
      if (start >= 0 && !continues) {
        names.add(new NameSpan(start, i, type));
        start = -1;
        type = null;
      }
      if (t != null && start < 0) {
        start = i;
        type = t;
      }
      if (start >= 0 && (prefix.equals("S") || prefix.equals("E"))) {
        names.add(new NameSpan(start, i + 1, type));
        start = -1;
        type = null;
      }
    }
    return new TaggedSentence(tokens, names);
  }
}
