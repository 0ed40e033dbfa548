package newssearch.ingest;

import java.time.LocalDate;
import java.util.Objects;

/**
 * When an article was published, how precisely that is known, and where the date came from
 * ({@code metadata} or {@code text}).
 */
public record ArticleDate(LocalDate day, DatePrecision precision, String basis) {
  public ArticleDate {
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(precision, "precision");
    Objects.requireNonNull(basis, "basis");
  }
}
