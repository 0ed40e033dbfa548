package newssearch.ingest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TitlesTest {

  @Test
  void aShortFirstLineFollowedByBodyIsAHeadline() {
    assertTrue(Titles.startsWithHeadline(List.of("Chelsea sack Mutu", "Chelsea have sacked Adrian Mutu.")));
  }

  @Test
  void aHeadlineMayEndInAnEllipsis() {
    assertTrue(Titles.startsWithHeadline(List.of("Rivals of the £400 Apple...", "Body text.")));
    assertTrue(Titles.startsWithHeadline(List.of("Rivals of the £400 Apple…", "Body text.")));
  }

  @Test
  void aSentenceIsNotAHeadline() {
    assertFalse(Titles.startsWithHeadline(List.of("The committee met on Tuesday.", "It approved the plan.")));
    assertFalse(Titles.startsWithHeadline(List.of("A lone paragraph without a body")));
  }
}
