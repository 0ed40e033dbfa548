package newssearch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WrkTest {
  private static final String REPORT = """
      Running 10s test @ http://127.0.0.1:41235/api/search?q=china
        2 threads and 16 connections
        Thread Stats   Avg      Stdev     Max   +/- Stdev
          Latency     3.10ms    2.01ms  40.12ms   80.00%
          Req/Sec     2.61k   200.00     3.00k    70.00%
        Latency Distribution
           50%  845.00us
           75%    3.52ms
           90%    5.00ms
           99%    1.20s
        52100 requests in 10.00s, 120.00MB read
        Socket errors: connect 0, read 2, write 0, timeout 3
        Non-2xx or 3xx responses: 7
      Requests/sec:   5210.55
      Transfer/sec:     12.00MB
      """;

  @Test
  void readsRatePercentilesAndErrors() {
    Wrk.Result r = Wrk.parse(REPORT);
    assertEquals(52100, r.requests());
    assertEquals(5210.55, r.requestsPerSecond(), 1e-9);
    assertEquals(0.845, r.p50Ms(), 1e-9);
    assertEquals(1200.0, r.p99Ms(), 1e-9);
    assertEquals(12, r.errors());
  }

  @Test
  void aCleanRunHasNoErrors() {
    String clean = REPORT.replaceAll("(?m)^.*(Socket errors|Non-2xx).*\\n", "");
    assertEquals(0, Wrk.parse(clean).errors());
  }

  @Test
  void anUnreadableReportIsAnError() {
    assertThrows(IllegalArgumentException.class, () -> Wrk.parse("unable to connect to 127.0.0.1:1 Connection refused"));
  }

  @Test
  void theScriptSendsEveryPathInTurn() {
    String lua = Wrk.luaScript(List.of("/api/search?q=%22a%22", "/api/health"));
    assertTrue(lua.contains("\"/api/search?q=%22a%22\",\n  \"/api/health\","), lua);
    assertTrue(lua.contains("paths[(i - 1) % #paths + 1]"), lua);
  }
}
