package newssearch.search.solr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import newssearch.index.Schema;
import newssearch.search.Matching;
import newssearch.search.MatchingRules;
import newssearch.search.QueryPlan;
import newssearch.search.SearchRequest;
import newssearch.search.SortOrder;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.util.NamedList;

/**
 * Runs the tiers of a {@link QueryPlan} on Solr as the embedded engine runs them: the query
 * requiring every word first, then looser ones while too few articles match, and, ranked by
 * relevance, the articles of each tier after those of the tiers before it.
 */
final class SolrTiers {
  private final MatchingRules rules;

  SolrTiers(MatchingRules rules) {
    this.rules = rules;
  }

  /**
   * The page's articles: the one response's when one tier answered; else, as the embedded engine
   * ranks them, each group's articles not in an earlier group, in the group's order, then the page.
   */
  static List<SolrDocument> pageOf(Planned planned, SearchRequest request) {
    if (planned.groups().size() == 1) {
      return SolrResponses.results(planned.widest());
    }
    int from = (request.page() - 1) * request.size();
    List<SolrDocument> ranked = new ArrayList<>();
    Set<Object> seen = new HashSet<>();
    for (NamedList<Object> group : planned.groups()) {
      for (SolrDocument d : SolrResponses.results(group)) {
        if (ranked.size() < from + request.size() && seen.add(d.getFieldValue(Schema.ID))) {
          ranked.add(d);
        }
      }
    }
    return ranked.subList(Math.min(from, ranked.size()), ranked.size());
  }

  /** Runs one tier of a plan from result {@code from}, {@code rows} of them: its request and response. */
  interface TierRun {
    NamedList<Object> run(QueryPlan.Tier tier, int from, int rows) throws IOException;
  }

  /**
   * The responses that rank the answer (one, or the tiers whose articles come in turn), the tier
   * that answered, how many articles it and the strict tier matched, and the matching to report.
   */
  record Planned(List<NamedList<Object>> groups, QueryPlan.Tier tier, long total, long strictTotal,
      Matching matching) {
    NamedList<Object> widest() {
      return groups.get(groups.size() - 1);
    }
  }

  /**
   * The tiers of the plan as the embedded engine runs them ({@code ArticleSearcher}): the query
   * requiring every word; when too few articles have them all (or for a question, always) and the
   * request does not insist on every word, each looser tier in turn, kept if it finds more. Ranked
   * by relevance, the articles with every word then come first and each looser tier's after them
   * ({@code ordered}; the looser tiers are then asked from their first result), except for a
   * question, whose matches are ranked together.
   */
  Planned planned(SearchRequest request, QueryPlan plan, TierRun run, boolean ordered) throws IOException {
    int from = (request.page() - 1) * request.size();
    QueryPlan.Tier first = plan.strict();
    NamedList<Object> strict = run.run(first, from, request.size());
    long strictTotal = SolrResponses.results(strict).getNumFound();
    Matching firstMatching = first.matching() == null ? null : first.matching().withAllWords(strictTotal);
    Planned best = new Planned(List.of(strict), first, strictTotal, strictTotal, firstMatching);
    if (request.requireAll() || plan.tiers().size() == 1) {
      return best;
    }
    boolean question = rules.relaxAll(first.matching().words());
    // Ranked all-words first, each looser tier is asked from its first result, once: the same
    // response decides whether the tier finds more and ranks its articles after the earlier ones.
    boolean append = ordered && request.sort() == SortOrder.RELEVANCE && strictTotal > 0 && !question;
    int window = from + request.size();
    List<NamedList<Object>> groups = new ArrayList<>();
    for (QueryPlan.Tier tier : plan.tiers().subList(1, plan.tiers().size())) {
      if (!question && (best.total >= rules.relaxBelow() || tier.onlyWhenNothing() && best.total > 0)) {
        break;
      }
      NamedList<Object> looser = append ? run.run(tier, 0, window + (int) Math.min(strictTotal, window))
          : run.run(tier, from, request.size());
      long total = SolrResponses.results(looser).getNumFound();
      if (total > best.total) {
        groups.add(looser);
        best = new Planned(List.of(looser), tier, total, strictTotal, tier.matching().withAllWords(strictTotal));
      }
    }
    if (append && !groups.isEmpty()) {
      groups.add(0, from == 0 ? strict : run.run(first, 0, window));
      best = new Planned(groups, best.tier, best.total, strictTotal, best.matching.rankedAllFirst());
    }
    return best;
  }

}
