package newssearch.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import newssearch.config.ConfigException;
import newssearch.ingest.Article;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GazetteerTest {
  @TempDir
  Path dir;

  private List<String> names(Gazetteer gazetteer, String text) {
    return new EntityTagger(gazetteer).tag(new Article("a1", "t", "metadata", text, null, "", "", List.of(), "test"))
        .stream().map(e -> e.type() + " " + e.name()).toList();
  }

  /** The gazetteer of a config folder with these two files. */
  private Gazetteer load(String gazetteer, String cues) throws IOException {
    Files.writeString(dir.resolve(Gazetteer.FILE), gazetteer);
    Files.writeString(dir.resolve(EntityCues.FILE), cues);
    return Gazetteer.load(dir);
  }

  @Test
  void countriesComeFromTheJdkAndTheFileWinsOverThem() throws IOException {
    Files.writeString(dir.resolve(Gazetteer.FILE), "Hong Kong\tplace\tHong Kong SAR China\n@countries\n");
    Gazetteer gazetteer = Gazetteer.load(dir);
    assertEquals(List.of("place Burkina Faso", "place Hong Kong"),
        names(gazetteer, "Talks in Burkina Faso and Hong Kong SAR China ended."));
  }

  @Test
  void thePlacesFileAddsTownsAndTheFileWinsOverIt() throws IOException {
    Files.writeString(dir.resolve(Gazetteer.FILE), "Quorvane\torg\n@places\n");
    Files.writeString(dir.resolve(Gazetteer.PLACES_FILE), "# towns\nBasingstoke\nQuorvane\nPorto Alegre\n");
    Gazetteer gazetteer = Gazetteer.load(dir);
    assertEquals(List.of("org Quorvane", "place Basingstoke", "place Porto Alegre"),
        names(gazetteer, "Quorvane opened offices in Basingstoke and Porto Alegre."));

    Files.writeString(dir.resolve(Gazetteer.PLACES_FILE), "Basingstoke\nbasingstoke\n");
    ConfigException bad = assertThrows(ConfigException.class, () -> Gazetteer.load(dir));
    assertEquals(2, bad.line());
    assertTrue(bad.getMessage().contains(Gazetteer.PLACES_FILE + ":2"), bad.getMessage());
    Files.delete(dir.resolve(Gazetteer.PLACES_FILE));
    assertTrue(assertThrows(ConfigException.class, () -> Gazetteer.load(dir)).getMessage().contains(Gazetteer.PLACES_FILE));
  }

  @Test
  void theOrganisationsFileAddsOrganisationsBelowTheFileAndThePlaces() throws IOException {
    Files.writeString(dir.resolve(Gazetteer.FILE), "Quorvane\tperson\n@places\n@organisations\n");
    Files.writeString(dir.resolve(Gazetteer.PLACES_FILE), "Basingstoke\n");
    Files.writeString(dir.resolve(Gazetteer.ORGANISATIONS_FILE), "# clubs\nVantor Rovers\nQuorvane\nBasingstoke\nDrellcorp\n");
    assertEquals(List.of("person Quorvane", "org Vantor Rovers", "place Basingstoke", "org Drellcorp"),
        names(Gazetteer.load(dir), "Quorvane left Vantor Rovers for Basingstoke and Drellcorp."));

    Files.writeString(dir.resolve(Gazetteer.ORGANISATIONS_FILE), "Drellcorp\n\ndrellcorp\n");
    ConfigException bad = assertThrows(ConfigException.class, () -> Gazetteer.load(dir));
    assertEquals(3, bad.line());
    assertTrue(bad.getMessage().contains(Gazetteer.ORGANISATIONS_FILE + ":3"), bad.getMessage());
  }

  @Test
  void withoutTheCuesFileOnlyKnownNamesAreFound() throws IOException {
    Files.writeString(dir.resolve(Gazetteer.FILE), "Nvidia\torg\tNVIDIA\n");
    assertEquals(List.of("org Nvidia"), names(Gazetteer.load(dir), "Nvidia hired Zorvex Technologies chief executive Marla Quenby."));
  }

  @Test
  void badLinesStopStartupWithFileAndLine() throws IOException {
    Files.writeString(dir.resolve(Gazetteer.FILE), "# names\nNvidia\tcompany\n");
    ConfigException type = assertThrows(ConfigException.class, () -> Gazetteer.load(dir));
    assertEquals(2, type.line());
    assertTrue(type.getMessage().contains("unknown type 'company'"), type.getMessage());

    Files.writeString(dir.resolve(Gazetteer.FILE), "Nvidia\torg\n");
    Files.writeString(dir.resolve(EntityCues.FILE), "org-suffix Inc Corp\norg-sufix Ltd\n");
    ConfigException cue = assertThrows(ConfigException.class, () -> Gazetteer.load(dir));
    assertEquals(2, cue.line());
    assertTrue(cue.getMessage().contains(EntityCues.FILE + ":2") && cue.getMessage().contains("org-sufix"), cue.getMessage());

    Files.writeString(dir.resolve(EntityCues.FILE), "given-name Venus\n");
    Files.writeString(dir.resolve(EntityCues.GIVEN_NAMES), "Terry\nMary Ann\n");
    ConfigException given = assertThrows(ConfigException.class, () -> Gazetteer.load(dir));
    assertEquals(2, given.line());
    assertTrue(given.getMessage().contains(EntityCues.GIVEN_NAMES + ":2") && given.getMessage().contains("'Mary Ann'"),
        given.getMessage());
  }

  @Test
  void aNameThatStartsWithAGivenNameOfTheListIsAPerson() throws IOException {
    Files.writeString(dir.resolve(Gazetteer.FILE), "Nvidia\torg\n");
    Files.writeString(dir.resolve(EntityCues.FILE), "given-name Venus\n");
    String text = "The film by Terry Gilliam opened as Venus Williams played.";
    assertEquals(List.of("person Venus Williams"), names(Gazetteer.load(dir), text));

    Files.writeString(dir.resolve(EntityCues.GIVEN_NAMES), "# one a line\n\nTerry\n");
    assertEquals(List.of("person Terry Gilliam", "person Venus Williams"), names(Gazetteer.load(dir), text));
  }

  @Test
  void aPersonsSurnameAliasAfterAnotherNameIsSomeoneElse() throws IOException {
    Gazetteer gazetteer = load("Kamala Harris\tperson\tHarris\n", "given-name Ian\nperson-title Mrs\n");
    assertEquals(List.of("person Ian Harris"), names(gazetteer, "Apple sued. Ian Harris, deputy editor of the magazine, said it."));
    assertEquals(List.of(), names(gazetteer, "Mrs Harris said it."));
    assertEquals(List.of("person Kamala Harris", "person Ian Harris"),
        names(gazetteer, "Kamala Harris spoke. Mrs Harris and Ian Harris left."));
  }

  @Test
  void wordsOnlyPeopleTakeMakeANamePerson() throws IOException {
    Gazetteer gazetteer = load("Nvidia\torg\n", "person-after who\nperson-relation husband\norg-suffix Holdings\n");
    assertEquals(List.of("person Ikechukwu Obi"), names(gazetteer, "The team was led by Ikechukwu Obi, who scored twice."));
    assertEquals(List.of("person Tamsin Hollick"), names(gazetteer, "Tamsin Hollick's husband said the case was weak."));
    assertEquals(List.of("org Zentrix Holdings"), names(gazetteer, "Shares in Zentrix Holdings, who fell, rose."));
  }

  @Test
  void aNationalityBeforeAPersonIsNotPartOfTheName() throws IOException {
    Gazetteer gazetteer = load("Belgium\tplace\tBelgian\nMilan\tplace\n", "person-verb said\nnationality-noun Frenchman\n");
    assertEquals(List.of("place Belgium", "person Kim Gevaert"), names(gazetteer, "Belgian Kim Gevaert said it was over."));
    assertEquals(List.of("person Ronald Pognon"), names(gazetteer, "Frenchman Ronald Pognon said it was over."));
    assertEquals(List.of("person Milan Baros"), names(gazetteer, "Milan Baros said it was over."), "a place's own name may be a first name");
  }
}
