package newssearch.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;


/** The benchmark's results as Markdown tables, with the targets of the project checked against them. */
final class Report {
  /** Everything measured on one corpus; parts not measured stay null, with a note saying why. */
  static final class CorpusRun {
    final String name;
    final String description;
    IndexingBench.Result indexing;
    String indexingLoad;
    SearchBench.Result search;
    String searchLoad;
    Wrk.Result httpSearch;
    Wrk.Result httpHealth;
    String httpLoad;
    String httpNote;
    ServerProcess.Result server;
    Double indexCommandSeconds;
    String serverNote;
    FeedBench.Result feed;
    String feedLoad;
    String feedNote;
    SolrSideBySide.Result solr;
    String solrNote;

    CorpusRun(String name, String description) {
      this.name = name;
      this.description = description;
    }
  }

  /** One target of the project and whether this run met it. */
  record Target(String target, String measured, Boolean met) {}

  private final String machine;
  private final String command;
  private final String startedAt;
  private final String loadAtStart;
  private final List<CorpusRun> runs = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private String loadAtEnd;
  private String httpSetup = "";

  Report(String machine, String command, String startedAt, String loadAtStart) {
    this.machine = machine;
    this.command = command;
    this.startedAt = startedAt;
    this.loadAtStart = loadAtStart;
  }

  void add(CorpusRun run) {
    runs.add(run);
  }

  void note(String note) {
    notes.add(note);
  }

  void httpSetup(String setup) {
    httpSetup = setup;
  }

  void finished(String loadAverage) {
    loadAtEnd = loadAverage;
  }

  String markdown() {
    StringBuilder md = new StringBuilder("# news-search benchmark\n\n");
    md.append("- Run: ").append(startedAt).append('\n');
    md.append("- Machine: ").append(machine).append('\n');
    md.append("- Command: `").append(command).append("`\n");
    md.append("- Load average (1, 5, 15 min) at start: ").append(loadAtStart)
        .append("; at end: ").append(loadAtEnd == null ? "n/a" : loadAtEnd).append('\n');
    md.append("- Corpora: ");
    md.append(String.join("; ", runs.stream().map(r -> r.name + " = " + r.description).toList())).append("\n");
    for (String n : notes) {
      md.append("- ").append(n).append('\n');
    }
    indexing(md);
    search(md);
    http(md);
    server(md);
    feed(md);
    solr(md);
    targets(md);
    perQuery(md);
    return md.toString();
  }

  private void indexing(StringBuilder md) {
    md.append("\n## Indexing\n\n")
        .append("Ours = read files + enrich + index with `IndexBuilder` (facets, offsets, merge to one segment); ")
        .append("bare = Lucene `IndexWriter`, same analyzer, id + title + text only, same articles already in memory. ")
        .append("Both on all cores. MB = UTF-8 bytes of title and text. s = wall-clock seconds; ")
        .append("CPU s = CPU time of the whole JVM, less disturbed by other programs on a shared machine. ")
        .append("enrich CPU s = the same articles enriched alone (dates, topics, entities); share = its part of ours CPU s.\n\n")
        .append("| corpus | articles | MB | read s | ours s | ours art/s | ours MB/s | bare s | bare art/s | bare MB/s | ours/bare | ours CPU s | bare CPU s | ours/bare by CPU | enrich CPU s | enrich share | load |\n")
        .append("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|\n");
    for (CorpusRun r : runs) {
      IndexingBench.Result i = r.indexing;
      if (i == null) {
        continue;
      }
      md.append(row(r.name, String.format(Locale.ROOT, "%,d", i.articles()), f1(i.textBytes() / 1e6), f2(i.readSeconds()),
          f2(i.oursSeconds()), f0(i.oursPerSecond()), f2(i.oursMbPerSecond()), f2(i.bareSeconds()), f0(i.barePerSecond()),
          f2(i.bareMbPerSecond()), f2(i.ratio()), f2(i.oursCpuSeconds()), f2(i.bareCpuSeconds()), f2(i.cpuRatio()),
          f2(i.enrichCpuSeconds()), f2(i.enrichShare()), r.indexingLoad));
    }
  }

  private void search(StringBuilder md) {
    md.append("\n## Search in process\n\n")
        .append("Full = `ArticleSearcher.search` (drill-sideways facets, highlighting, stored fields); bare = `IndexSearcher.search(query, n)` ")
        .append("with the same text query and filters on the same index (with the same sort when sorting by date); ")
        .append("facets = bare plus Lucene's own facet counting of every match (`FacetsCollectorManager`, ")
        .append("`SortedSetDocValuesFacetCounts.getAllDims`), the least a faceted search must do. ")
        .append("Milliseconds over every query of the list, each run the given number of rounds after warm-up, the three in turn. ")
        .append("CPU = CPU time of the searching thread, which waiting for a core on a busy machine does not inflate.\n\n")
        .append("| corpus | queries × rounds | full p50 | full p99 | facets p50 | bare p50 | bare p99 | full/bare p50 | full/facets p50 ")
        .append("| full CPU p50 | full CPU p99 | bare CPU p50 | full/bare CPU p50 | load |\n")
        .append("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|\n");
    for (CorpusRun r : runs) {
      SearchBench.Result s = r.search;
      if (s == null) {
        continue;
      }
      md.append(row(r.name, s.perQuery().size() + " × " + s.rounds(), f2(s.full().p50()), f2(s.full().p99()),
          f3(s.facets().p50()), f3(s.bare().p50()), f3(s.bare().p99()), f1(s.full().p50() / s.bare().p50()),
          f1(s.full().p50() / s.facets().p50()),
          f2(s.fullCpu().p50()), f2(s.fullCpu().p99()), f3(s.bareCpu().p50()), f1(s.fullCpu().p50() / s.bareCpu().p50()), r.searchLoad));
    }
    md.append("\nBy kind of query (p50 ms, full / facets / bare):\n\n| corpus |");
    List<String> kinds = runs.stream().filter(r -> r.search != null)
        .flatMap(r -> r.search.byKind().keySet().stream()).distinct().toList();
    for (String k : kinds) {
      md.append(' ').append(k).append(" |");
    }
    md.append("\n|---|").append("--:|".repeat(kinds.size())).append('\n');
    for (CorpusRun r : runs) {
      if (r.search == null) {
        continue;
      }
      md.append("| ").append(r.name).append(" |");
      for (String k : kinds) {
        Map<SearchBench.Way, Latencies> l = r.search.byKind().get(k);
        md.append(' ').append(l == null ? "" : f2(l.get(SearchBench.Way.FULL).p50()) + " / "
            + f3(l.get(SearchBench.Way.FACETS).p50()) + " / " + f3(l.get(SearchBench.Way.BARE).p50())).append(" |");
      }
      md.append('\n');
    }
  }

  private void http(StringBuilder md) {
    md.append("\n## Search over HTTP\n\n").append(httpSetup).append("\n\n")
        .append("| corpus | endpoint | requests | req/s | p50 ms | p99 ms | errors | search/health req/s | load |\n")
        .append("|---|---|--:|--:|--:|--:|--:|--:|---|\n");
    for (CorpusRun r : runs) {
      if (r.httpSearch == null || r.httpHealth == null) {
        md.append(row(r.name, "not measured: " + (r.httpNote == null ? "skipped" : r.httpNote), "", "", "", "", "", "", ""));
        continue;
      }
      double ratio = r.httpSearch.requestsPerSecond() / r.httpHealth.requestsPerSecond();
      md.append(httpRow(r.name, "/api/search (query list)", r.httpSearch, f2(ratio), r.httpLoad));
      md.append(httpRow(r.name, "/api/health", r.httpHealth, "", ""));
    }
  }

  private static String httpRow(String corpus, String endpoint, Wrk.Result w, String ratio, String load) {
    return row(corpus, endpoint, String.format(Locale.ROOT, "%,d", w.requests()), f0(w.requestsPerSecond()),
        f2(w.p50Ms()), f2(w.p99Ms()), Long.toString(w.errors()), ratio, load);
  }

  private void server(StringBuilder md) {
    md.append("\n## Memory and start\n\n")
        .append("A child JVM runs `news-search serve --port 0` on the index built above (launcher JVM options, `-Xmx` as shown); ")
        .append("start = launch to the first answered search; heap = used heap after a full GC (`jcmd GC.run`, `GC.heap_info`) ")
        .append("and RSS, after it has answered the query list. `index` command = wall time of `news-search index --corpus` ")
        .append("in a new JVM, JVM start included.\n\n")
        .append("| corpus | articles served | max heap | start to first search s | heap after GC MB | RSS MB | `index` command s |\n")
        .append("|---|--:|--:|--:|--:|--:|--:|\n");
    for (CorpusRun r : runs) {
      String index = r.indexCommandSeconds == null ? "n/a" : f1(r.indexCommandSeconds);
      if (r.server == null) {
        md.append(row(r.name, "not measured: " + (r.serverNote == null ? "skipped" : r.serverNote), "", "", "", "", index));
        continue;
      }
      md.append(row(r.name, String.format(Locale.ROOT, "%,d", r.server.documents()), r.server.maxHeap(), f2(r.server.secondsToFirstSearch()), f0(r.server.heapAfterGcMb()),
          f0(r.server.rssMb()), index));
    }
  }

  private void feed(StringBuilder md) {
    md.append("\n## Live updates under search load\n\n")
        .append("A child JVM serves the index built above; wrk runs the query list as in the HTTP section, first alone (idle), ")
        .append("then while the bench posts the corpus to `POST /api/articles` as JSON Lines in batches of ").append(FeedBench.BATCH)
        .append(", one after another, with fresh ids, until wrk ends. Visibility = from a post's answer to its last article being found ")
        .append("by `GET /api/articles/{id}` (asked every 5 ms; it reads the snapshot searches read). ")
        .append("The posts, wrk and the server share the machine's cores. Warm-up = articles posted under wrk, unmeasured, ")
        .append("before the idle run (`--feed-warmup`), so that the JIT has compiled the posting code. CPU = the server process's: ")
        .append("per search in the idle run, and per article posted while fed less the searches answered meanwhile at the idle ")
        .append("rate (an estimate); cores at 500/s = what posting 500 articles a second would take at that rate.\n\n")
        .append("| corpus | warm-up articles | articles posted | articles/s | failed records / posts | visibility p50 ms | p99 ms | max ms ")
        .append("| search req/s idle → fed | search p99 ms idle → fed | fed/idle p99 | search errors ")
        .append("| CPU ms per search | CPU ms per article | cores at 500/s | load |\n")
        .append("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|\n");
    for (CorpusRun r : runs) {
      FeedBench.Result f = r.feed;
      if (f == null) {
        if (r.feedNote != null) {
          md.append(row(r.name, "not measured: " + r.feedNote, "", "", "", "", "", "", "", "", "", "", "", "", "", ""));
        }
        continue;
      }
      md.append(row(r.name, String.format(Locale.ROOT, "%,d", f.warmupPosted()), String.format(Locale.ROOT, "%,d", f.posted()),
          f0(f.articlesPerSecond()),
          f.failedRecords() + " / " + f.failedPosts(), f0(f.visibility().p50()), f0(f.visibility().p99()),
          f0(f.visibility().percentileMs(100)), f0(f.idle().requestsPerSecond()) + " → " + f0(f.fed().requestsPerSecond()),
          f1(f.idle().p99Ms()) + " → " + f1(f.fed().p99Ms()), f2(f.fed().p99Ms() / f.idle().p99Ms()),
          Long.toString(f.idle().errors() + f.fed().errors()), orDash(f.searchCpuMs()), orDash(f.ingestCpuMs()),
          orDash(f.ingestCpuMs() * 500 / 1000), r.feedLoad));
    }
  }

  private void solr(StringBuilder md) {
    for (CorpusRun r : runs) {
      if (r.solr == null && r.solrNote == null) {
        continue;
      }
      md.append("\n## Side by side with Solr (").append(r.name).append(")\n\n");
      if (r.solr == null) {
        md.append("Not measured: ").append(r.solrNote).append(".\n");
        continue;
      }
      SolrSideBySide.Result s = r.solr;
      md.append("`serve` over the index built above (").append(String.format(Locale.ROOT, "%,d", s.documents()[0]))
          .append(" articles) and `serve --solr` over collection `").append(s.collection()).append("` (")
          .append(String.format(Locale.ROOT, "%,d", s.documents()[1])).append(" articles), each in a child JVM; wrk takes ")
          .append("the query list in turn against one, then the other, round after round. CPU per request is the serving ")
          .append("process's: for Solr, this server's part only (the Solr nodes' CPU is not visible from here). ")
          .append(s.differentTotals().isEmpty() ? "Every search has the same total on both."
              : "Totals differ for " + s.differentTotals().size() + " searches (the collection holds other articles?): "
                  + String.join("; ", s.differentTotals()) + ".")
          .append("\n\n| engine | round | requests | req/s | p50 ms | p99 ms | errors | serve CPU ms/req | load |\n")
          .append("|---|--:|--:|--:|--:|--:|--:|--:|---|\n");
      for (SolrSideBySide.Run run : s.runs()) {
        Wrk.Result w = run.load();
        md.append(row(run.engine(), Integer.toString(run.round()), String.format(Locale.ROOT, "%,d", w.requests()),
            f0(w.requestsPerSecond()), f2(w.p50Ms()), f2(w.p99Ms()), Long.toString(w.errors()), f2(run.cpuMsPerRequest()),
            run.loadAverage()));
      }
      perKind(md, s.byKind());
    }
  }

  /** One engine's runs of one kind, pooled over the rounds. */
  record KindFigures(long requests, double requestsPerSecond, double p50Ms, double p99Ms, double cpuMsPerRequest, long errors) {
    static KindFigures of(List<SolrSideBySide.KindRun> runs) {
      long requests = 0;
      long errors = 0;
      double rate = 0;
      double p50 = 0;
      double p99 = 0;
      double cpuMs = 0;
      for (SolrSideBySide.KindRun k : runs) {
        Wrk.Result w = k.run().load();
        requests += w.requests();
        errors += w.errors();
        rate += w.requestsPerSecond();
        p50 += w.p50Ms();
        p99 += w.p99Ms();
        cpuMs += k.run().cpuMsPerRequest() * w.requests();
      }
      int n = runs.size();
      return new KindFigures(requests, rate / n, p50 / n, p99 / n, cpuMs / Math.max(1, requests), errors);
    }
  }

  /**
   * Each kind of query loaded on its own: one row per kind with both engines' figures (means of
   * the rounds; CPU = CPU time / requests over all rounds) and whether ours meets Solr's, then
   * every run.
   */
  private static void perKind(StringBuilder md, List<SolrSideBySide.KindRun> byKind) {
    if (byKind.isEmpty()) {
      return;
    }
    Map<String, List<SolrSideBySide.KindRun>> kinds = new java.util.LinkedHashMap<>();
    for (SolrSideBySide.KindRun k : byKind) {
      kinds.computeIfAbsent(k.kind(), x -> new ArrayList<>()).add(k);
    }
    long rounds = byKind.stream().mapToInt(k -> k.run().round()).distinct().count();
    md.append("\n### Per kind of query\n\n")
        .append("After the whole list, wrk loads each kind's queries only (in turn), one engine then the other for each kind ")
        .append("(the first engine changes every round); ").append(rounds).append(" round(s). Each row: means of the rounds ")
        .append("(req/s, p50, p99); CPU = the serving process's CPU time over all rounds / requests (for Solr, this server's ")
        .append("part only, so the CPU columns do not compare the engines). Met = ours ≥ Solr's req/s, ours ≤ Solr's p99.\n\n")
        .append("| kind | queries | ours req/s | Solr req/s | ours/Solr req/s | ours p50 ms | Solr p50 ms | ours p99 ms | Solr p99 ms ")
        .append("| ours CPU ms/req | Solr serve CPU ms/req | met: req/s, p99 | errors | load first → last |\n")
        .append("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|--:|---|\n");
    for (Map.Entry<String, List<SolrSideBySide.KindRun>> e : kinds.entrySet()) {
      List<SolrSideBySide.KindRun> ours = e.getValue().stream().filter(k -> k.run().engine().equals("embedded")).toList();
      List<SolrSideBySide.KindRun> theirs = e.getValue().stream().filter(k -> k.run().engine().equals("solr")).toList();
      if (ours.isEmpty() || theirs.isEmpty()) {
        continue;
      }
      KindFigures o = KindFigures.of(ours);
      KindFigures t = KindFigures.of(theirs);
      String met = yesNo(o.requestsPerSecond() >= t.requestsPerSecond()) + ", " + yesNo(o.p99Ms() <= t.p99Ms());
      String first = e.getValue().get(0).run().loadAverage();
      String last = e.getValue().get(e.getValue().size() - 1).run().loadAverage();
      md.append(row(e.getKey(), Integer.toString(e.getValue().get(0).queries()), f0(o.requestsPerSecond()), f0(t.requestsPerSecond()),
          f2(o.requestsPerSecond() / t.requestsPerSecond()), f2(o.p50Ms()), f2(t.p50Ms()), f2(o.p99Ms()), f2(t.p99Ms()),
          f2(o.cpuMsPerRequest()), f2(t.cpuMsPerRequest()), met, o.errors() + " / " + t.errors(), first + " → " + last));
    }
    md.append("\nEach run of a kind:\n\n| kind | engine | round | requests | req/s | p50 ms | p99 ms | errors | serve CPU ms/req | load |\n")
        .append("|---|---|--:|--:|--:|--:|--:|--:|--:|---|\n");
    for (SolrSideBySide.KindRun k : byKind) {
      SolrSideBySide.Run run = k.run();
      Wrk.Result w = run.load();
      md.append(row(k.kind(), run.engine(), Integer.toString(run.round()), String.format(Locale.ROOT, "%,d", w.requests()),
          f0(w.requestsPerSecond()), f2(w.p50Ms()), f2(w.p99Ms()), Long.toString(w.errors()), f2(run.cpuMsPerRequest()),
          run.loadAverage()));
    }
  }

  private static String yesNo(boolean met) {
    return met ? "yes" : "**no**";
  }

  private void targets(StringBuilder md) {
    md.append("\n## Targets\n\n| target | measured | met |\n|---|---|---|\n");
    for (Target t : targets()) {
      md.append(row(t.target(), t.measured(), t.met() == null ? "not measured" : t.met() ? "yes" : "**no**"));
    }
  }

  /** The project's targets, measured (see {@link BenchTargets}). */
  List<Target> targets() {
    return BenchTargets.of(runs);
  }

  private void perQuery(StringBuilder md) {
    md.append("\n## Each query\n\np50 ms, full / facets / bare, and how many articles the full search matched.\n\n| kind | query |");
    List<CorpusRun> searched = runs.stream().filter(r -> r.search != null).toList();
    for (CorpusRun r : searched) {
      md.append(' ').append(r.name).append(" |");
    }
    md.append("\n|---|---|").append("--:|".repeat(searched.size())).append('\n');
    if (searched.isEmpty()) {
      return;
    }
    int n = searched.get(0).search.perQuery().size();
    for (int i = 0; i < n; i++) {
      BenchQuery q = searched.get(0).search.perQuery().get(i).query();
      md.append("| ").append(q.kind()).append(" | `").append(q.queryString().replace("|", "\\|")).append("` |");
      for (CorpusRun r : searched) {
        SearchBench.PerQuery p = r.search.perQuery().get(i);
        md.append(String.format(Locale.ROOT, " %s / %s / %s (%,d) |", f2(p.fullP50()), f3(p.facetsP50()), f3(p.bareP50()), p.total()));
      }
      md.append('\n');
    }
  }

  static String row(String... cells) {
    return "| " + String.join(" | ", java.util.Arrays.stream(cells).map(c -> c == null ? "" : c).toList()) + " |\n";
  }

  static String f0(double v) {
    return String.format(Locale.ROOT, "%,.0f", v);
  }

  static String f1(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  static String f2(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

  /** Two decimals, or "-" for a figure that was not measured (NaN). */
  private static String orDash(double v) {
    return Double.isNaN(v) ? "-" : f2(v);
  }

  private static String f3(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }
}
