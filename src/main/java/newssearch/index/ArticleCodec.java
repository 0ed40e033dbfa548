package newssearch.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import newssearch.ingest.Article;
import newssearch.ingest.ArticleDate;
import newssearch.ingest.DatePrecision;

/** An {@link Article} as JSON and back, exactly: what the update log keeps of each added article. */
final class ArticleCodec {
  private ArticleCodec() {}

  static ObjectNode toJson(Article a) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("id", a.id());
    o.put("title", a.title());
    o.put("title_origin", a.titleOrigin());
    o.put("text", a.text());
    if (a.date() != null) {
      o.put("date", a.date().day().toString());
      o.put("date_precision", a.date().precision().name());
      o.put("date_basis", a.date().basis());
    }
    o.put("source", a.source());
    o.put("url", a.url());
    a.topics().forEach(o.putArray("topics")::add);
    o.put("origin", a.origin());
    a.entities().forEach(o.putArray("entities")::add);
    return o;
  }

  static Article fromJson(JsonNode o) {
    ArticleDate date = o.hasNonNull("date")
        ? new ArticleDate(LocalDate.parse(o.get("date").asText()), DatePrecision.valueOf(o.get("date_precision").asText()),
            o.get("date_basis").asText())
        : null;
    return new Article(o.get("id").asText(), o.get("title").asText(), o.path("title_origin").asText(null),
        o.get("text").asText(), date, o.path("source").asText(""), o.path("url").asText(""), strings(o.get("topics")),
        o.path("origin").asText(""), strings(o.get("entities")));
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    if (array != null) {
      array.forEach(n -> out.add(n.asText()));
    }
    return out;
  }
}
