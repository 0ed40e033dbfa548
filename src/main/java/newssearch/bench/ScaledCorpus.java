package newssearch.bench;

import java.time.LocalDate;
import java.util.AbstractList;
import java.util.List;
import java.util.Locale;
import java.util.RandomAccess;
import java.util.SplittableRandom;
import newssearch.ingest.Article;
import newssearch.ingest.ArticleDate;
import newssearch.ingest.DatePrecision;

/**
 * A large corpus made from a small one by a fixed recombination, for measuring at scale without
 * storing the result. Article {@code i} depends only on the source articles, the seed and {@code i}:
 *
 * <ul>
 *   <li>a random generator seeded with {@code seed} and {@code i} picks a <em>lead</em> article
 *       and a <em>donor</em> article from the sources;
 *   <li>the title is the lead's; the text is the first half of the lead's paragraphs (rounded
 *       up) followed by the second half of the donor's (rounded down);
 *   <li>the id is {@code scaled-NNNNNN} ({@code i}, zero-padded), the source {@value #SOURCE};
 *   <li>the date is a day drawn uniformly from the ten years {@value #FIRST_YEAR} to
 *       {@value #LAST_YEAR}.
 * </ul>
 *
 * Articles are made when asked for, so the list costs no memory beyond the sources, and any
 * thread may read it.
 */
public final class ScaledCorpus extends AbstractList<Article> implements RandomAccess {
  public static final String SOURCE = "BBC (recombined)";
  public static final int FIRST_YEAR = 2015;
  public static final int LAST_YEAR = 2024;
  public static final long DEFAULT_SEED = 20251125L;

  private static final LocalDate FIRST_DAY = LocalDate.of(FIRST_YEAR, 1, 1);
  private static final int DAYS = (int) (LocalDate.of(LAST_YEAR + 1, 1, 1).toEpochDay() - FIRST_DAY.toEpochDay());

  private final List<List<String>> paragraphs;
  private final List<Article> sources;
  private final int size;
  private final long seed;

  public ScaledCorpus(List<Article> sources, int size, long seed) {
    if (sources.isEmpty()) {
      throw new IllegalArgumentException("a scaled corpus needs at least one source article");
    }
    if (size < 0) {
      throw new IllegalArgumentException("size must not be negative: " + size);
    }
    this.sources = List.copyOf(sources);
    this.paragraphs = this.sources.stream().map(a -> List.of(a.text().split("\n\n"))).toList();
    this.size = size;
    this.seed = seed;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public Article get(int i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException(i);
    }
    SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
    int lead = random.nextInt(sources.size());
    int donor = random.nextInt(sources.size());
    LocalDate day = FIRST_DAY.plusDays(random.nextInt(DAYS));
    String id = String.format(Locale.ROOT, "scaled-%06d", i);
    return new Article(
        id,
        sources.get(lead).title(),
        "metadata",
        text(paragraphs.get(lead), paragraphs.get(donor)),
        new ArticleDate(day, DatePrecision.DAY, "scaled corpus"),
        SOURCE,
        "",
        List.of(),
        "scaled corpus #" + i + " (lead " + sources.get(lead).id() + ", donor " + sources.get(donor).id() + ")");
  }

  private static String text(List<String> lead, List<String> donor) {
    int fromLead = (lead.size() + 1) / 2;
    int fromDonor = donor.size() / 2;
    StringBuilder text = new StringBuilder();
    for (String p : lead.subList(0, fromLead)) {
      text.append(p).append("\n\n");
    }
    for (String p : donor.subList(donor.size() - fromDonor, donor.size())) {
      text.append(p).append("\n\n");
    }
    return text.toString().strip();
  }
}
