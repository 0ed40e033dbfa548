package newssearch.search.solr;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.common.util.NamedList;

/**
 * The collections behind an alias: the name users search ({@code news}) points at one collection
 * ({@code news_20260102T030405}), each with a configset of its own name generated from
 * {@code index-config/}. A rebuild creates a new one and moves the alias, which Solr does
 * atomically, like the embedded engine's index generations.
 */
public final class SolrCollections {
  private final SolrNodes nodes;
  private final Path configDir;

  public SolrCollections(SolrNodes nodes, Path configDir) {
    this.nodes = nodes;
    this.configDir = configDir;
  }

  /** The shape of a collection: how many shards, and replicas of each. */
  public record Layout(int shards, int replicas) {
    public Layout {
      if (shards < 1 || replicas < 1) {
        throw new IllegalArgumentException("shards and replicas must be 1 or more, not " + shards + " and " + replicas);
      }
    }
  }

  /** A new collection name for {@code alias}: the alias and the time, which sort in creation order. */
  public static String generationName(String alias) {
    String time = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS")
        .withZone(java.time.ZoneOffset.UTC).format(java.time.Instant.now());
    return alias + "_" + time;
  }

  /** Uploads the configset generated from index-config/ as {@code name} and creates collection {@code name}. */
  public void create(String name, Layout layout) throws IOException {
    Path dir = Files.createTempDirectory("news-search-configset");
    try {
      new SolrConfigSet(configDir).write(dir.resolve("conf"));
      Path zip = dir.resolve("configset.zip");
      zip(dir.resolve("conf"), zip);
      ConfigSetAdminRequest.Upload upload = new ConfigSetAdminRequest.Upload().setUploadFile(zip, "application/zip");
      upload.setConfigSetName(name);
      // The name is new; overwriting lets a retried upload (after one that worked but timed out) succeed.
      upload.setOverwrite(true);
      nodes.request(upload, null);
    } finally {
      deleteTree(dir);
    }
    requestUnlessDone(CollectionAdminRequest.createCollection(name, name, layout.shards(), layout.replicas()),
        () -> exists(name));
  }

  /** Points {@code alias} at {@code collection}: searches move over at once. */
  public void switchAlias(String alias, String collection) throws IOException {
    nodes.request(CollectionAdminRequest.createAlias(alias, collection), null);
  }

  /** Deletes a collection and its configset (of the same name); one already gone counts as deleted. */
  public void delete(String collection) throws IOException {
    requestUnlessDone(CollectionAdminRequest.deleteCollection(collection), () -> !exists(collection));
    ConfigSetAdminRequest.Delete config = new ConfigSetAdminRequest.Delete();
    config.setConfigSetName(collection);
    requestUnlessDone(config, () -> !configSets().contains(collection));
  }

  /** A question to the cluster, which may fail as a request does. */
  @FunctionalInterface
  private interface Check {
    boolean holds() throws IOException;
  }

  /**
   * Sends {@code request}; Solr's refusal of it (a 4xx) is success when {@code done} finds the
   * cluster already as the request asks: {@link SolrNodes} sends a request that failed on one node
   * to the next, and the first may have done the work, so that the second is refused as "already
   * exists" or "not found".
   */
  private void requestUnlessDone(SolrRequest<?> request, Check done) throws IOException {
    try {
      nodes.request(request, null);
    } catch (SolrNodes.SolrRequestException e) {
      if (!done.holds()) {
        throw e;
      }
    }
  }

  private boolean exists(String collection) throws IOException {
    return entry(cluster().get("collections"), collection) != null;
  }

  private List<String> configSets() throws IOException {
    Object sets = nodes.request(new ConfigSetAdminRequest.List(), null).get("configSets");
    return sets instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
  }

  /** The collection {@code alias} points at, if it is an alias. */
  public Optional<String> aliasTarget(String alias) throws IOException {
    return Optional.ofNullable(entry(cluster().get("aliases"), alias)).map(Object::toString);
  }

  /** The shape of an existing collection. */
  public Optional<Layout> layout(String collection) throws IOException {
    if (!(entry(cluster().get("collections"), collection) instanceof Map<?, ?> info)) {
      return Optional.empty();
    }
    Object shards = info.get("shards");
    int shardCount = shards instanceof Map<?, ?> s ? s.size() : 1;
    Object rf = info.get("replicationFactor");
    int replicas = rf == null ? 1 : Integer.parseInt(rf.toString());
    return Optional.of(new Layout(shardCount, replicas));
  }

  /** The entry {@code name} of a section of the cluster status, which SolrJ gives as a NamedList or a Map; null when absent. */
  private static Object entry(Object section, String name) {
    return section instanceof NamedList<?> list ? list.get(name) : section instanceof Map<?, ?> map ? map.get(name) : null;
  }

  @SuppressWarnings("unchecked")
  private NamedList<Object> cluster() throws IOException {
    NamedList<Object> response = nodes.request(CollectionAdminRequest.getClusterStatus(), null);
    Object cluster = response.get("cluster");
    if (cluster instanceof NamedList<?> list) {
      return (NamedList<Object>) list;
    }
    if (cluster instanceof Map<?, ?> map) {
      return new NamedList<>((Map<String, Object>) map);
    }
    throw new IOException("Solr's cluster status has no 'cluster' section");
  }

  private static void zip(Path folder, Path zip) throws IOException {
    try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out);
        Stream<Path> files = Files.list(folder)) {
      for (Path f : files.sorted().toList()) {
        z.putNextEntry(new ZipEntry(f.getFileName().toString()));
        Files.copy(f, z);
        z.closeEntry();
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
