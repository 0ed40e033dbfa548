package newssearch.reliability;

import java.nio.file.Path;
import newssearch.web.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** Tests that share one real server over the seed corpus for all their cases. */
abstract class SeedServerTests {
  @TempDir static Path indexDir;
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(indexDir);
  }

  @AfterAll
  static void stop() {
    server.close();
  }
}
