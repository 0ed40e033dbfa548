package newssearch.search.solr;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.HttpJdkSolrClient;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.util.NamedList;

/**
 * The Solr nodes of a cluster, reached with SolrJ's JDK HTTP client (no Jetty beside Javalin).
 * Requests go to the nodes in turn; a node that cannot be reached, or answers that it is not
 * ready, is skipped for the next one, and a round of failures is tried again after a pause that
 * doubles each time. Every Solr node answers for the whole collection, so any may be asked.
 *
 * <p>The URLs given are where to start: the nodes asked are the cluster's live nodes, read from
 * Solr's cluster status at first use, every {@link #DISCOVER_EVERY_MILLIS} and after a round in
 * which no node answered, as SolrJ's cloud client does. So one URL is enough, a node added later
 * is used, and a node that left (or came back at another address) is followed. The periodic
 * reading runs beside the request that finds it due, so no search waits for it.
 */
public final class SolrNodes implements Closeable {
  /** How often the live nodes are read again while requests come. */
  static final long DISCOVER_EVERY_MILLIS = 30_000;

  private final List<String> baseUrls;
  private final long discoverEveryNanos;
  /** The live nodes last read, or the given URLs before that (and when no node answers it). */
  private volatile List<String> live;
  private volatile long discoveredNanos;
  private volatile boolean discoveredOnce;
  private final AtomicBoolean discovering = new AtomicBoolean();
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
    this(baseUrls, rounds, firstPauseMillis, DISCOVER_EVERY_MILLIS);
  }

  SolrNodes(List<String> baseUrls, int rounds, long firstPauseMillis, long discoverEveryMillis) {
    if (baseUrls.isEmpty()) {
      throw new IllegalArgumentException("no Solr URL");
    }
    this.baseUrls = baseUrls.stream().map(SolrNodes::checked).toList();
    this.live = this.baseUrls;
    this.discoverEveryNanos = discoverEveryMillis * 1_000_000;
    this.discoveredNanos = System.nanoTime();
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
   * answers. A Solr error about the request itself (4xx) is not retried, except a 404, which is
   * believed only once every node of a round gave it.
   */
  public NamedList<Object> request(SolrRequest<?> request, String collection) throws IOException {
    if (!discoveredOnce) {
      discover();
    } else if (System.nanoTime() - discoveredNanos >= discoverEveryNanos && !discovering.get()) {
      Thread.ofVirtual().name("solr-discover").start(this::discover);
    }
    IOException last = null;
    long pause = firstPauseMillis;
    for (int round = 0; round < rounds; round++) {
      SolrRequestException notFound = null;
      for (String url : inTurn(live)) {
        try {
          return client.requestWithBaseUrl(url, request, collection);
        } catch (SolrException e) {
          // RemoteSolrException is Solr's answer; another SolrException is SolrJ failing to read
          // one (a node stopping mid-answer): both are retried unless the request itself is wrong.
          if (e.code() == 404) {
            // A node that is stopping has closed its cores and answers 404 for a collection the
            // other nodes still serve: ask them before believing it.
            notFound = new SolrRequestException(e.code(), e.getMessage());
          } else if (e.code() >= 400 && e.code() < 500) {
            throw new SolrRequestException(e.code(), e.getMessage());
          } else {
            last = new IOException(url + ": " + e.getMessage(), e);
          }
        } catch (SolrServerException | IOException e) {
          last = new IOException(url + ": " + e.getMessage(), e);
        }
      }
      if (notFound != null && last == null) {
        throw notFound; // every node says so
      }
      if (round + 1 < rounds) {
        discover();
        sleep(pause);
        pause *= 2;
      }
    }
    throw last;
  }

  /**
   * The live nodes, starting with the next in turn, then the given URLs that are not among them:
   * those are asked only when no live node answers (a node may advertise an address this
   * machine cannot reach).
   */
  private List<String> inTurn(List<String> nodes) {
    int start = Math.floorMod(next.getAndIncrement(), nodes.size());
    List<String> urls = new ArrayList<>(nodes.size() + baseUrls.size());
    for (int i = 0; i < nodes.size(); i++) {
      urls.add(nodes.get((start + i) % nodes.size()));
    }
    baseUrls.stream().filter(u -> !nodes.contains(u)).forEach(urls::add);
    return urls;
  }

  /** The nodes requests go to now. */
  public List<String> liveUrls() {
    return live;
  }

  /**
   * Reads the live nodes from the first node that answers (those last read, then the given
   * URLs). One caller reads at a time; the others go on with the list they have. Keeps the list
   * when no node answers: the next round tries it again.
   */
  void discover() {
    if (!discovering.compareAndSet(false, true)) {
      return;
    }
    try {
      List<String> ask = new ArrayList<>(live);
      baseUrls.stream().filter(u -> !ask.contains(u)).forEach(ask::add);
      for (String url : ask) {
        try {
          NamedList<Object> status = client.requestWithBaseUrl(url, CollectionAdminRequest.getClusterStatus(), null);
          List<String> found = liveNodes(status, URI.create(url).getScheme());
          if (!found.isEmpty()) {
            live = found;
            return;
          }
        } catch (SolrServerException | IOException | RuntimeException e) {
          // The next URL may answer.
        }
      }
    } finally {
      discoveredNanos = System.nanoTime();
      discoveredOnce = true;
      discovering.set(false);
    }
  }

  /** The base URLs of the live nodes in a cluster status answer, in name order. */
  static List<String> liveNodes(NamedList<Object> status, String scheme) {
    Object cluster = status.get("cluster");
    Object nodes = cluster instanceof NamedList<?> c ? c.get("live_nodes")
        : cluster instanceof Map<?, ?> m ? m.get("live_nodes") : null;
    if (!(nodes instanceof List<?> names)) {
      return List.of();
    }
    return names.stream().map(String::valueOf).sorted().map(n -> baseUrl(n, scheme)).toList();
  }

  /**
   * The base URL of a node from its name: {@code host:port_path} with the path URL-encoded, as
   * Solr names live nodes ({@code 10.0.0.5:8983_solr} is {@code http://10.0.0.5:8983/solr}).
   */
  static String baseUrl(String nodeName, String scheme) {
    int cut = nodeName.indexOf('_');
    if (cut < 0) {
      return scheme + "://" + nodeName;
    }
    String path = URLDecoder.decode(nodeName.substring(cut + 1), StandardCharsets.UTF_8);
    return scheme + "://" + nodeName.substring(0, cut) + (path.isEmpty() ? "" : "/" + path);
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
