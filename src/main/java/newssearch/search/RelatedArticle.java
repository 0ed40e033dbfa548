package newssearch.search;

import java.util.List;

/**
 * An article like another one, with how alike (MoreLikeThis score, higher is closer) and how much
 * of its date is known ({@code day}, {@code month} or {@code year}; null when undated), so that a
 * date known to the month is not shown with a day.
 */
public record RelatedArticle(String id, String title, String date, String source, List<String> topics, float score,
    String datePrecision) {}
