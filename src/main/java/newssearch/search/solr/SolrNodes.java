package newssearch.search.solr;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;
import org.apache.solr.client.solrj.RemoteSolrException;
import org.apache.solr.common.util.NamedList;

/**
 * The Solr nodes of a cluster, reached with SolrJ's JDK HTTP client (no Jetty beside Javalin).
 * Requests go to the nodes in turn; a node that cannot be reached, or answers that it is not
 * ready, is skipped for the next one, and a round of failures is tried again after a pause that
 * doubles each time. Every Solr node answers for the whole collection, so any may be asked.
 */
public final class SolrNodes implements Closeable {
  private final List<String> baseUrls;
  private final HttpJdkSolrClient client;
  private final int rounds;
  private final long firstPauseMillis;
  private final AtomicInteger next = new AtomicInteger();

  /**
   * @param baseUrls node URLs ({@code http://host:8983/solr})
   * @param rounds how many times every node is tried before a request fails
   * @param firstPauseMillis the pause after the first failed round, doubled after each later one
   */
  public SolrNodes(List<String> baseUrls, int rounds, long firstPauseMillis) {
    if (baseUrls.isEmpty()) {
      throw new IllegalArgumentException("no Solr URL");
    }
    this.baseUrls = baseUrls.stream().map(SolrNodes::checked).toList();
    this.rounds = rounds;
    this.firstPauseMillis = firstPauseMillis;
    this.client = new HttpJdkSolrClient.Builder()
        .withConnectionTimeout(5, TimeUnit.SECONDS)
        .withIdleTimeout(60, TimeUnit.SECONDS)
        // A node that stops while answering may leave its connection open: give up on it after
        // 30 s and ask the next one (a batch of 500 documents takes far less).
        .withRequestTimeout(30, TimeUnit.SECONDS)
        .build();
  }

  /** Nodes from a comma-separated list of URLs. */
  public static SolrNodes of(String urls) {
    return new SolrNodes(List.of(urls.split(",")).stream().map(String::strip).filter(s -> !s.isEmpty()).toList(), 4, 250);
  }

  private static String checked(String url) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a Solr URL: " + url);
    }
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
      throw new IllegalArgumentException("not a Solr URL (http://host:8983/solr): " + url);
    }
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  public List<String> baseUrls() {
    return baseUrls;
  }

  /**
   * Runs {@code request} on {@code collection} (null for cluster requests) on the first node that
   * answers. A Solr error about the request itself (4xx) is not retried.
   */
  public NamedList<Object> request(SolrRequest<?> request, String collection) throws IOException {
    IOException last = null;
    long pause = firstPauseMillis;
    for (int round = 0; round < rounds; round++) {
      int start = Math.floorMod(next.getAndIncrement(), baseUrls.size());
      for (int i = 0; i < baseUrls.size(); i++) {
        String url = baseUrls.get((start + i) % baseUrls.size());
        try {
          return client.requestWithBaseUrl(url, request, collection);
        } catch (RemoteSolrException e) {
          if (e.code() >= 400 && e.code() < 500) {
            throw new SolrRequestException(e.code(), e.getMessage());
          }
          last = new IOException(url + ": " + e.getMessage(), e);
        } catch (SolrServerException | IOException e) {
          last = new IOException(url + ": " + e.getMessage(), e);
        }
      }
      if (round + 1 < rounds) {
        sleep(pause);
        pause *= 2;
      }
    }
    throw last;
  }

  private static void sleep(long millis) throws IOException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting to retry", e);
    }
  }

  /**
   * Closes the client, waiting at most {@link #CLOSE_WAIT_MILLIS}. After a node stopped while
   * answering, the client's threads can stay busy with its dead connections; closing then waits
   * for them for minutes and fails, although every request had its answer (seen in the cluster
   * test that stops a node during indexing). Nothing is lost by not waiting: the requests are done.
   */
  @Override
  public void close() {
    Thread closer = new Thread(() -> {
      try {
        client.close();
      } catch (IOException | RuntimeException e) {
        // Closing a JDK HTTP client releases memory and threads only; nothing to report.
      }
    }, "solr-client-close");
    closer.setDaemon(true);
    closer.start();
    try {
      closer.join(CLOSE_WAIT_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** How long {@link #close} waits for the client's threads. */
  static final long CLOSE_WAIT_MILLIS = 5_000;

  /** Solr refused a request as bad (a 4xx): retrying it elsewhere would give the same answer. */
  public static final class SolrRequestException extends IOException {
    private final int status;

    SolrRequestException(int status, String message) {
      super(message);
      this.status = status;
    }

    public int status() {
      return status;
    }
  }
}
