package newssearch.search;

/**
 * A search request that cannot be answered as asked: a query that does not parse, a bad date, a
 * page out of range. The message is written for the person who sent the request.
 */
public final class InvalidRequestException extends RuntimeException {
  private final String code;

  public InvalidRequestException(String code, String message) {
    super(message);
    this.code = code;
  }

  /** A short machine-readable reason, such as {@code bad_query} or {@code bad_parameter}. */
  public String code() {
    return code;
  }
}
