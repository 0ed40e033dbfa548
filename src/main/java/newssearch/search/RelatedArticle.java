package newssearch.search;

import java.util.List;

/** An article like another one, with how alike (MoreLikeThis score, higher is closer). */
public record RelatedArticle(String id, String title, String date, String source, List<String> topics, float score) {}
