package newssearch.search;

import java.util.List;
import newssearch.enrich.Entity;
import newssearch.enrich.TopicTag;

/** One whole article as the article endpoint returns it, with why each topic was tagged. */
public record ArticleView(
    String id,
    String title,
    String titleOrigin,
    String date,
    String datePrecision,
    String dateBasis,
    String source,
    String url,
    List<TopicTag> topics,
    List<Entity> entities,
    String text) {}
