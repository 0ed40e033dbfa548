package newssearch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LatenciesTest {
  @Test
  void percentilesByNearestRank() {
    Latencies l = new Latencies();
    for (int i = 100; i >= 1; i--) {
      l.add(i * 1_000_000L);
    }
    assertEquals(100, l.count());
    assertEquals(50.0, l.p50());
    assertEquals(99.0, l.p99());
    assertEquals(100.0, l.percentileMs(100));
    assertEquals(1.0, l.percentileMs(0.5));
  }

  @Test
  void fewSamples() {
    Latencies l = new Latencies();
    assertTrue(Double.isNaN(l.p50()));
    l.add(3_000_000);
    assertEquals(3.0, l.p50());
    assertEquals(3.0, l.p99());
  }
}
