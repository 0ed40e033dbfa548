package newssearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {

  @Test
  void lineShowsDoneRateAndTimeLeft() {
    assertEquals("indexing 1,000/3,000 articles  500/s  ETA 4 s", Progress.line(1000, 3000, 2.0));
    assertEquals("indexing 100/100,000 articles  10/s  ETA 166 min 30 s", Progress.line(100, 100_000, 10.0));
    assertEquals("indexing 0/10 articles  0/s  ETA ?", Progress.line(0, 10, 0.0));
  }

  @Test
  void redrawsAtMostFourTimesASecondAndAlwaysAtTheEnd() {
    StringWriter out = new StringWriter();
    AtomicLong now = new AtomicLong();
    Progress progress = new Progress(new PrintWriter(out), 10, now::get);
    for (int done = 1; done <= 10; done++) {
      now.addAndGet(100_000_000L); // 0.1 s an article
      progress.accept(done);
    }
    progress.finish();
    String[] frames = out.toString().split("\r");
    // Drawn at 0.3 s, 0.6 s, 0.9 s (every third article) and at the end.
    assertEquals(5, frames.length, out.toString());
    assertTrue(frames[1].startsWith("indexing 3/10 articles  10/s  ETA 1 s"), frames[1]);
    assertTrue(frames[4].startsWith("indexing 10/10 articles  10/s  ETA 0 s"), frames[4]);
  }

  @Test
  void quietWhenNotOnATerminal() {
    // Tests run with output captured by the build, never on a terminal.
    StringWriter out = new StringWriter();
    Progress.onTerminal(new PrintWriter(out), 10).accept(10);
    assertEquals("", out.toString());
  }
}
