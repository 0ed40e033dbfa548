package newssearch.search.solr;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.solr.common.util.JavaBinCodec;
import org.apache.solr.common.util.NamedList;

/** Answers as Solr gives them to SolrJ (javabin), for stand-in Solr servers in tests. */
final class SolrAnswers {
  private SolrAnswers() {}

  /** Answers with {@code status} and a response holding a header and {@code body}'s entries. */
  static void answer(HttpExchange exchange, int status, NamedList<Object> body) throws IOException {
    NamedList<Object> response = new NamedList<>();
    NamedList<Object> header = new NamedList<>();
    header.add("status", status == 200 ? 0 : status);
    response.add("responseHeader", header);
    response.addAll(body);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JavaBinCodec codec = new JavaBinCodec()) {
      codec.marshal(response, bytes);
    }
    exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
    exchange.sendResponseHeaders(status, bytes.size());
    exchange.getResponseBody().write(bytes.toByteArray());
    exchange.close();
  }
}
