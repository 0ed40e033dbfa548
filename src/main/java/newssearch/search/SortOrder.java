package newssearch.search;

import java.util.Locale;

/** How hits are ordered. */
public enum SortOrder {
  RELEVANCE("relevance"),
  NEWEST("date"),
  OLDEST("-date"),
  /** Newest arrival in the index first: the order of feeds. */
  ARRIVAL("arrival");

  private final String param;

  SortOrder(String param) {
    this.param = param;
  }

  /** The value of the {@code sort} parameter. */
  public String param() {
    return param;
  }

  public static SortOrder fromParam(String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    for (SortOrder s : values()) {
      if (s.param.equals(v)) {
        return s;
      }
    }
    if (v.equals("+date")) {
      return NEWEST;
    }
    throw new InvalidRequestException("bad_parameter",
        "sort must be one of relevance, date (newest first), -date (oldest first) or arrival (newest arrival first), not '" + value + "'");
  }
}
