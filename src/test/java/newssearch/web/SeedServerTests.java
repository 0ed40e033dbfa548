package newssearch.web;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** Tests that share one real server over the seed corpus for all their cases. */
public abstract class SeedServerTests {
  @TempDir protected static Path indexDir;
  protected static TestServer server;

  @BeforeAll
  protected static void start() {
    server = TestServer.start(indexDir);
  }

  @AfterAll
  protected static void stop() {
    server.close();
  }
}
