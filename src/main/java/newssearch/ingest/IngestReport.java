package newssearch.ingest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What one ingest run did: files read, articles produced, and every skip with its reason and
 * place. Warnings are passed to a sink as they happen (the log, or a list in tests). Safe to
 * share between threads.
 */
public final class IngestReport {
  private final Consumer<String> warnings;
  private final Map<SkipReason, Integer> skipped = new EnumMap<>(SkipReason.class);
  private final List<String> messages = new ArrayList<>();
  private int filesRead;
  private int articles;
  private int duplicates;
  private int decodedAsWindows1252;
  private final List<String> unreadableFolders = new ArrayList<>();
  private int linksNotFollowed;

  public IngestReport(Consumer<String> warnings) {
    this.warnings = warnings;
  }

  /** A report that keeps its warnings only in {@link #messages()}. */
  public IngestReport() {
    this(message -> {});
  }

  public synchronized void fileRead() {
    filesRead++;
  }

  public synchronized void articles(int n) {
    articles += n;
  }

  public synchronized void duplicate(String id, String origin) {
    duplicates++;
    warn(origin + ": duplicate id '" + id + "' replaces the earlier article");
  }

  public synchronized void decodedAsWindows1252(String file) {
    decodedAsWindows1252++;
    warn(file + ": not valid UTF-8, read as Windows-1252");
  }

  /** A skipped file or record; {@code where} names the file and, for a record, its line. */
  public synchronized void skip(SkipReason reason, String where, String detail) {
    skipped.merge(reason, 1, Integer::sum);
    warn(where + ": skipped, " + reason.label() + (detail == null || detail.isEmpty() ? "" : " (" + detail + ")"));
  }

  /** A folder that could not be listed: its files are missing from the run. */
  public synchronized void unreadableFolder(String folder, String detail) {
    unreadableFolders.add(folder);
    warn(folder + ": folder skipped, cannot be read (" + detail + "); its articles are missing from this run");
  }

  /** A symbolic link that was not followed, and why. */
  public synchronized void linkNotFollowed(String link, String why) {
    linksNotFollowed++;
    warn(link + ": link not followed, " + why);
  }

  /** A document the index refused; it was counted as an article and is not one. */
  public synchronized void refusedByIndex(String origin, String detail) {
    articles--;
    skip(SkipReason.REFUSED, origin, detail);
  }

  public synchronized void warn(String message) {
    messages.add(message);
    warnings.accept(message);
  }

  public synchronized int filesRead() {
    return filesRead;
  }

  public synchronized int articles() {
    return articles;
  }

  public synchronized int duplicates() {
    return duplicates;
  }

  public synchronized int decodedAsWindows1252() {
    return decodedAsWindows1252;
  }

  /** The folders that could not be read: a run with any lost their articles. */
  public synchronized List<String> unreadableFolders() {
    return List.copyOf(unreadableFolders);
  }

  public synchronized int linksNotFollowed() {
    return linksNotFollowed;
  }

  public synchronized int skipped(SkipReason reason) {
    return skipped.getOrDefault(reason, 0);
  }

  public synchronized int skippedTotal() {
    return skipped.values().stream().mapToInt(Integer::intValue).sum();
  }

  public synchronized Map<SkipReason, Integer> skipped() {
    return Collections.unmodifiableMap(new EnumMap<>(skipped));
  }

  public synchronized List<String> messages() {
    return List.copyOf(messages);
  }
}
