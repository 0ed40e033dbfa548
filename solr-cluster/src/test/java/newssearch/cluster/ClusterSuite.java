package newssearch.cluster;

import org.junit.AfterClass;
import org.junit.runner.RunWith;
import org.junit.runners.Suite;

/** Every cluster test, over one {@link SeedCluster} started once. */
@RunWith(Suite.class)
@Suite.SuiteClasses({SideBySideBenchTest.class, SolrClusterTest.class, RelaxedMatchingClusterTest.class, ClusterFailureTest.class, BbcClusterTest.class})
public class ClusterSuite {
  @AfterClass
  public static void stop() {
    SeedCluster.stop();
  }
}
