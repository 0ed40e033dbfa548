package newssearch.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import newssearch.TestCorpus;
import newssearch.ingest.Article;
import org.junit.jupiter.api.Test;

/** Names the corpus metadata gives are kept, mapped to the gazetteer and merged with the text's. */
class GivenEntitiesTest {
  private final EntityTagger tagger = new EntityTagger(TestCorpus.config().gazetteer());

  private List<Entity> tag(String text, String... given) {
    return tagger.tag(new Article("a1", "Report", "metadata", text, null, "", "", List.of(), "test", List.of(given)));
  }

  private static Entity named(List<Entity> entities, String name) {
    return entities.stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError(name + " in " + entities));
  }

  @Test
  void aKnownAliasBecomesItsCanonicalEntity() {
    List<Entity> entities = tag("Farmers welcomed the rain.", "NVIDIA", "U.S.");
    Entity nvidia = named(entities, "Nvidia");
    assertEquals("org", nvidia.type());
    assertTrue(nvidia.given());
    assertFalse(nvidia.discovered());
    assertTrue(nvidia.mentions().isEmpty(), "the text never names it");
    assertEquals("place", named(entities, "United States").type());
    assertEquals(2, entities.size());
  }

  @Test
  void aGivenNameTheTextMentionsIsOneEntityWithTheTextsMentions() {
    String text = "Nvidia said chip sales rose. Nvidia expects more.";
    Entity fromText = named(tag(text), "Nvidia");
    assertFalse(fromText.given());
    List<Entity> entities = tag(text, "NVIDIA", "Nvidia");
    assertEquals(1, entities.stream().filter(e -> e.name().equals("Nvidia")).count());
    Entity merged = named(entities, "Nvidia");
    assertTrue(merged.given());
    assertEquals(fromText.mentions(), merged.mentions());
    assertEquals(2, merged.mentions().size());
  }

  @Test
  void aTypePrefixTypesTheName() {
    List<Entity> entities = tag("Sales rose.", "person:Jensen Huang", "event:Harvest Fair", "Product: Zorvex One");
    assertEquals("person", named(entities, "Jensen Huang").type());
    assertEquals("event", named(entities, "Harvest Fair").type());
    assertEquals("product", named(entities, "Zorvex One").type());
  }

  @Test
  void aPrefixThatContradictsTheGazetteerNamesSomeoneElse() {
    Entity jordan = named(tag("Sales rose.", "person:Jordan"), "Jordan");
    assertEquals("person", jordan.type());
    assertEquals("place", named(tag("Sales rose.", "Jordan"), "Jordan").type());
  }

  @Test
  void aColonThatIsNoTypeIsPartOfTheName() {
    assertEquals(List.of("Re:Invent"), tag("Sales rose.", "Re:Invent").stream().map(Entity::name).toList());
    assertEquals(List.of(), tag("Sales rose.", "", "  ", "person:"));
  }

  @Test
  void anUnknownNameIsTypedByCuesElseAsAnOrganisation() {
    List<Entity> entities = tag("Sales rose.", "Zorvex Technologies", "Jane Example", "Quorvia Summit", "Brindle Widgets");
    assertEquals("org", named(entities, "Zorvex Technologies").type());
    assertEquals("person", named(entities, "Jane Example").type());
    assertEquals("event", named(entities, "Quorvia Summit").type());
    assertEquals(EntityTagger.GIVEN_TYPE, named(entities, "Brindle Widgets").type());
    assertTrue(entities.stream().allMatch(e -> e.given() && !e.discovered() && e.mentions().isEmpty()));
  }

  @Test
  void anUnknownNameTakesTheTypeAndMentionsTheTextGivesIt() {
    String text = "Its chief executive Marla Quenby said sales rose, and Ms Quenby smiled.";
    Entity fromText = named(tag(text), "Marla Quenby");
    List<Entity> entities = tag(text, "Marla Quenby");
    Entity merged = named(entities, "Marla Quenby");
    assertEquals("person", merged.type());
    assertEquals(fromText.mentions(), merged.mentions());
    assertTrue(merged.given());
    assertFalse(merged.discovered());
    assertEquals(1, entities.stream().filter(e -> e.name().equals("Marla Quenby")).count());
  }

  @Test
  void anUnknownNameTheFinderMissedIsFoundWordForWord() {
    String text = "The Brindle Widgets plant reopened; staff at Brindle Widgets cheered.";
    assertNull(tag(text).stream().filter(e -> e.name().equals("Brindle Widgets")).findFirst().orElse(null));
    Entity given = named(tag(text, "Brindle Widgets"), "Brindle Widgets");
    assertEquals(List.of(new Mention("text", 4, 19), new Mention("text", 45, 60)), given.mentions());
  }

  @Test
  void aLoneSurnameStandsForThePersonOnlyWhenTheTextNamesThemInFull() {
    assertTrue(tag("President Donald Trump spoke.", "Trump").stream().anyMatch(e -> e.name().equals("Donald Trump") && e.given()));
    Entity trump = named(tag("Sales rose.", "Trump"), "Trump");
    assertEquals("person", trump.type());
  }
}
