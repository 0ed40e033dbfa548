package newssearch.ingest;

/** Why a file or a record of a file was not indexed. */
public enum SkipReason {
  EMPTY("empty"),
  TOO_LARGE("over the size limit"),
  BINARY("binary, not text"),
  UNREADABLE("cannot be read"),
  MALFORMED("malformed record"),
  NO_TEXT("no article text"),
  UNSUPPORTED("unsupported file type"),
  REFUSED("refused by the index");

  private final String label;

  SkipReason(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
