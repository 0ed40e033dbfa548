package newssearch.ingest;

/** How much of an article's date is known. A month-precise date is stored as a day of that month. */
public enum DatePrecision {
  DAY,
  MONTH,
  YEAR;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
