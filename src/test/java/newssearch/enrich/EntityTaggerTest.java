package newssearch.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import newssearch.TestCorpus;
import newssearch.ingest.Article;
import org.junit.jupiter.api.Test;

/**
 * The entity finder with the project's gazetteer and cues. Discovery is tested with invented
 * names, so that only the cues, not the gazetteer, can find them.
 */
class EntityTaggerTest {
  private final EntityTagger tagger = new EntityTagger(TestCorpus.config().gazetteer());

  private List<Entity> tag(String title, String text) {
    return tagger.tag(new Article("a1", title, "metadata", text, null, "", "", List.of(), "test"));
  }

  /** "type name" of each entity, with how many mentions it has. */
  private Map<String, Integer> names(String title, String text) {
    Map<String, Integer> names = new LinkedHashMap<>();
    tag(title, text).forEach(e -> names.put(e.type() + " " + e.name(), e.mentions().size()));
    return names;
  }

  @Test
  void aliasesMapToCanonicalNamesAndCaseMatters() {
    Map<String, Integer> names = names("NVIDIA results",
        "Nvidia said the U.S. and the US market matter; the United States agreed. Let us see.");
    assertEquals(Map.of("org Nvidia", 2, "place United States", 3), names);
  }

  @Test
  void aSurnameAloneNeedsTheFullName() {
    assertFalse(names("t", "Trump said tariffs would rise.").containsKey("person Donald Trump"));
    assertEquals(2, names("t", "President Donald Trump spoke. Later Trump said tariffs would rise.").get("person Donald Trump"));
  }

  @Test
  void aRoleInCapitalsOrAReportingVerbIsNotPartOfAName() {
    assertEquals(Map.of("person Chris Moyles", 1, "person Pete Tong", 1, "person Mike Judge", 1),
        names("t", "Radio 1 DJ Chris Moyles joined the station. Says DJ Pete Tong: not one DJ could fill his boots. "
            + "Director Mike Judge agreed."));
  }

  @Test
  void aRoleTheModelTakesForAPersonIsNoName() {
    assertEquals(Map.of("person Jack Straw", 1, "person Michael Ancram", 1),
        names("t", "Foreign Secretary Jack Straw said he had always had good relations. "
            + "Shadow foreign secretary Michael Ancram said there was a gap."));
  }

  @Test
  void aGivenNameBeforeAPlaceWordThatIsASurnameIsAPerson() {
    assertEquals(Map.of("place England", 1, "person Richard Hill", 1, "place Albert Hall", 1, "place Capitol Hill", 1),
        names("t", "England lost Richard Hill, who is injured. They played at the Albert Hall, not on Capitol Hill."));
  }

  @Test
  void aNameTheModelFindsWhereTheGazetteerDidNotTakesTheGazetteersName() {
    assertEquals(Map.of("org General Motors", 1, "place United States", 1, "org Fiat", 1),
        names("t", "General Motors of the US is to pay Fiat 1.55bn euros to get out of a deal."));
  }

  @Test
  void theWordsAfterATitlesOfEndTheTitleAndAGivenNameStartsThePerson() {
    assertEquals(Map.of("person Mike Pompeo", 1, "person Nancy Pelosi", 1, "org House of Representatives", 1),
        names("t", "Secretary of State Mike Pompeo met the Speaker of the House Nancy Pelosi. "
            + "A majority of the House of Representatives agreed."));
  }

  @Test
  void aTitleAfterAWordForAWorkIsNoName() {
    assertEquals(Map.of("person Mike Leigh", 1),
        names("t", "Critics praised the film Vera Drake. Vera Drake also won best director for Mike Leigh."));
  }

  @Test
  void anArabicArticleInsideANameKeepsItWhole() {
    Map<String, Integer> names = names("t", "President Bashar al-Assad met President Abdel Fattah el-Sisi.");
    assertEquals(List.of("person Bashar al-Assad", "person Abdel Fattah el-Sisi"), List.copyOf(names.keySet()));
  }

  @Test
  void usTitlesAreNotPartOfNamesAndAnAbbreviatedTitleAloneIsNoName() {
    assertEquals(Map.of("person Val Demings", 1, "person Adam Schiff", 1, "person Ted Cruz", 1, "person Mervyn King", 2),
        names("t", "Congresswoman Val Demings spoke. Rep. Adam Schiff and Sen. Ted Cruz disagreed. "
            + "Mervyn King said no, and Mr King agreed."));
  }

  @Test
  void lettersAfterAPersonsNameAreNoPartOfIt() {
    assertEquals(Map.of("person Philippe Sands", 2, "person Charles Harris", 1),
        names("t", "Lawyer Philippe Sands QC said the war was illegal. Charles Harris QC agreed with Sands."));
  }

  @Test
  void aNameEndingInResearchIsAnOrganisation() {
    assertEquals(Map.of("org Jupiter Research", 1, "org Forrester Research", 1),
        names("t", "Analysts at Jupiter Research and Forrester Research expect growth."));
  }

  @Test
  void anOfficeIsNoSoftwareProduct() {
    assertEquals(Map.of("org Office for National Statistics", 1),
        names("t", "Official data comes from the Office for National Statistics."));
  }

  @Test
  void aCompanysNameAfterATitleIsASurname() {
    assertEquals(Map.of("org Conservative Party", 1, "person Liam Fox", 2, "org Fox News", 1),
        names("t", "Tory co-chairman Liam Fox said so. Dr Fox told reporters he agreed. Fox News disagreed."));
  }

  @Test
  void anOfficesNameGoesOnAfterAnd() {
    assertEquals(Map.of("org Department of Trade and Industry", 1, "org Department of Health", 1, "person Tony Blair", 1,
        "org University of Bristol", 1, "org UC Davis", 1),
        names("t", "A spokesman for the Department of Trade and Industry said so. The Department of Health and "
            + "Tony Blair disagreed. Researchers at the University of Bristol and UC Davis found it."));
    assertFalse(names("t", "A grant from the University of British Columbia and Dr. Walter Hoskins paid for it.").keySet().stream()
        .anyMatch(n -> n.endsWith(" and Dr")));
  }

  @Test
  void demonymsCountAsTheirCountry() {
    assertEquals(Map.of("place China", 2), names("t", "Chinese firms grew in China."));
  }

  @Test
  void discoversNamesTypedByCues() {
    String text = "Zorvex Technologies unveiled a model. Its chief executive Marla Quenby said sales rose, "
        + "and Ms Quenby added that the Quorvia Summit would follow. The security firm Brindlecode agreed.";
    List<Entity> entities = tag("A launch", text);
    Map<String, String> types = new LinkedHashMap<>();
    entities.forEach(e -> types.put(e.name(), e.type()));
    assertEquals(Map.of("Zorvex Technologies", "org", "Marla Quenby", "person", "Quorvia Summit", "event",
        "Brindlecode", "org"), types);
    assertTrue(entities.stream().allMatch(Entity::discovered));
    Entity person = entities.stream().filter(e -> e.name().equals("Marla Quenby")).findFirst().orElseThrow();
    assertEquals(List.of("Marla Quenby", "Quenby"), person.mentions().stream().map(m -> text.substring(m.start(), m.end())).toList());
  }

  @Test
  void aListTakesTheTypeOfItsKnownNames() {
    Map<String, Integer> names = names("t", "Makers such as Nokia, Drelloway, Sony and Pembrake Vantis are ready.");
    assertEquals(List.of("org Nokia", "org Drelloway", "org Sony", "org Pembrake Vantis"), List.copyOf(names.keySet()));
  }

  @Test
  void sentenceOpenersHeadlinesAndUntypedRunsAreNotNames() {
    assertEquals(Map.of(), names("Global Tech Firms Gather To Showcase Breakthroughs",
        "Investors keen to buy waited. Despite this, Rising Costs remained. Analysts said so."));
  }

  @Test
  void mentionsPointAtTheNamesInTheirField() {
    String title = "Huawei expands";
    String text = "The Shenzhen-based Huawei Technologies hired staff.";
    Entity huawei = tag(title, text).stream().filter(e -> e.name().equals("Huawei")).findFirst().orElseThrow();
    assertEquals(List.of(new Mention("title", 0, 6), new Mention("text", 19, 38)), huawei.mentions());
    assertEquals("Huawei Technologies", text.substring(19, 38));
  }

  @Test
  void theSeedCorpusBoilerplateYieldsNoEntity() {
    Enricher enricher = TestCorpus.config().enricher();
    for (Article article : TestCorpus.read(TestCorpus.seedCorpus())) {
      assertFalse(article.text().contains("Diplo"), article.origin());
      for (Entity e : enricher.enrich(article).entities()) {
        assertFalse(e.name().contains("Diplo") || e.name().contains("chatbot"), e.name());
      }
    }
  }

  @Test
  void emptyAndOddTextsGiveNoNames() {
    assertEquals(Map.of(), names("", ""));
    assertEquals(Map.of(), names("--- | --- |", "... ' ’s . , 123 4.5 -"));
  }

  // The failure classes of issue 12: what the gazetteer and cue rules alone got wrong on wire news.

  @Test
  void clubsNamedAfterCitiesAreOrganisationsNotPlaces() {
    // A club of no list: the rules read "United" as ending a club's name.
    List<Entity> entities = tag("t", "Castleford United beat Real Madrid at Old Trafford.");
    Map<String, String> types = new LinkedHashMap<>();
    entities.forEach(e -> types.put(e.name(), e.type() + "/" + e.origin()));
    assertEquals("org/rules", types.get("Castleford United"), "\"United\" ends a club's name: " + types);
    assertEquals("org", types.get("Real Madrid").split("/")[0], types.toString());
    assertFalse(types.containsKey("Castleford"), "the club is not the place: " + types);
    Map<String, Integer> squad = names("t", "J Robinson (Sale Sharks, capt); J Noon (Newcastle), O Barkley (Bath)");
    assertTrue(squad.containsKey("org Newcastle") && !squad.containsKey("place Newcastle"),
        "a town alone in parentheses after a player is the club: " + squad);
  }

  @Test
  void aWordForAPersonOfANationIsTheirCountryAndNotPartOfTheirName() {
    Map<String, Integer> found = names("t", "But third seed Joachim Johansson made it through after beating Frenchman "
        + "Gilles Simon 7-6 6-3, and Dutchman Ruud van Nistelrooy watched.");
    assertTrue(found.containsKey("person Gilles Simon") && found.containsKey("person Ruud van Nistelrooy"), found.toString());
    assertTrue(found.containsKey("place France") && found.containsKey("place Netherlands"), found.toString());
    assertFalse(found.keySet().stream().anyMatch(k -> k.contains("Frenchman") || k.contains("Dutchman")), found.toString());
    Map<String, Integer> role = names("t", "Comic Joe Pasquale won the show on Monday.");
    assertTrue(role.containsKey("person Joe Pasquale") && !role.containsKey("person Comic Joe Pasquale"), role.toString());
  }

  @Test
  void aTownIsItsClubWhereRolesOrMatchWordsSaySoInEveryMention() {
    Map<String, Integer> match = names("t", "The win lifts Leicester to third. Newcastle coach Rob Andrew said his side "
        + "had played well against Leicester, and Newcastle will now travel to Bath.");
    assertTrue(match.containsKey("org Newcastle") && !match.containsKey("place Newcastle"),
        "a role after the town makes it the club, in every mention: " + match);
    assertTrue(match.containsKey("org Leicester") && !match.containsKey("place Leicester"),
        "a match word before the town makes it the club, in every mention: " + match);
    Map<String, Integer> town = names("t", "She grew up in Newcastle and moved to Leicester in 1990, where the mayor met her.");
    assertTrue(town.containsKey("place Newcastle") && town.containsKey("place Leicester"), "without such words a town is a place: " + town);
    Map<String, Integer> country = names("t", "England coach Andy Robinson named his side to face France.");
    assertTrue(country.containsKey("place England") && country.containsKey("place France"), "a national side stays its country: " + country);
    Map<String, Integer> unknown = names("t", "He said Wexbury centre Henry Paul and Norbury Hawks prop Andrew Sheridan were fit.");
    assertTrue(unknown.containsKey("org Wexbury") && unknown.containsKey("org Norbury Hawks") && unknown.containsKey("person Henry Paul"),
        "an unknown name before a player's role and a name is the side: " + unknown);
  }

  @Test
  void singleLettersScoresAndDatesAreNotNames() {
    assertFalse(names("t", "Spain were drawn in group C with Italy.").keySet().stream().anyMatch(k -> k.endsWith(" C")));
    Map<String, Integer> table = names("t", "Leading scores:\nAndrew Park 72 70 68\nTiger Woods 70 71 69");
    assertTrue(table.keySet().stream().noneMatch(k -> k.matches(".*\\d.*")), table.toString());
    assertTrue(names("t", "The deal closed on Dec 6 after talks.").isEmpty());
  }

  @Test
  void capitalDatelinesNameTheirPlace() {
    Map<String, Integer> names = names("t", "NEW YORK, Dec 6 (Reuters) - Stocks rose on Monday as investors cheered.");
    assertTrue(names.containsKey("place New York"), names.toString());
    assertTrue(names("t", "LONDON (Reuters) - The pound fell.").containsKey("place London"));
  }

  @Test
  void entitiesSayWhereTheyCameFrom() {
    List<Entity> entities = tag("t", "Nvidia said chief executive Marla Quenby would attend. Manchester United beat Real Madrid at Old Trafford.");
    Map<String, String> origins = new LinkedHashMap<>();
    entities.forEach(e -> origins.put(e.name(), e.origin()));
    assertEquals("gazetteer", origins.get("Nvidia"));
    assertEquals("rules", origins.get("Marla Quenby"));
    assertEquals("model", origins.get("Old Trafford"), origins.toString());
    assertEquals("gazetteer", origins.get("Real Madrid"), "a club of organisations.txt: " + origins);
  }

  /** The cue rules alone, so that the model cannot be what finds the name. */
  private final EntityTagger rules = new EntityTagger(TestCorpus.config().gazetteer(), EntityTagger.Finders.RULES);

  private Map<String, Integer> ruleNames(String text) {
    Map<String, Integer> names = new LinkedHashMap<>();
    rules.tag(new Article("a1", "t", "metadata", text, null, "", "", List.of(), "test")).forEach(e -> names.put(e.type() + " " + e.name(), e.mentions().size()));
    return names;
  }

  @Test
  void aNameGivenAnAgeInCommasIsAPerson() {
    assertTrue(ruleNames("The court heard that Tarvo Quindle, 24, of Leeds, denied the charge.").containsKey("person Tarvo Quindle"));
    Map<String, Integer> list = ruleNames("The accused are:\nOrvek Pelmany, 31, Bristol\nVantor Quibb Ardle, 22, Leeds;\nSelma Drau, 40.");
    assertTrue(list.keySet().containsAll(List.of("person Orvek Pelmany", "person Vantor Quibb Ardle", "person Selma Drau")), list.toString());
    assertFalse(ruleNames("Sales at Tarvo Quindle, 2006, were flat.").containsKey("person Tarvo Quindle"), "a year is not an age");
  }

  @Test
  void aLineThatIsOnlyANameFromAGivenNameIsAPerson() {
    assertTrue(ruleNames("Thanks for the draft.\nDebra Quindlemore").containsKey("person Debra Quindlemore"));
    assertTrue(ruleNames("Never give up.\n- Edward Pellworth").containsKey("person Edward Pellworth"));
    assertTrue(ruleNames("Dear Sheila Vantorp,\nThe figures are attached.").containsKey("person Sheila Vantorp"));
    Map<String, Integer> headings = ruleNames("Griffin Park\nGrace Notes\nThe notes were sung at Griffin Park on Friday.");
    assertFalse(headings.keySet().stream().anyMatch(n -> n.startsWith("person")), headings.toString());
  }

  @Test
  void aGivenNameAfterAGreetingIsAPerson() {
    assertEquals(Map.of("person Kevin", 1), ruleNames("Hi Kevin,\nThe figures are attached."));
    assertEquals(Map.of("person Louise", 1), ruleNames("Thanks.\nHello Louise, long time."));
    assertEquals(Map.of(), ruleNames("Hello World\nThe first program prints it."));
    assertEquals(Map.of("person Vincent", 1), ruleNames("Thanks for the draft.\nVincent,"), "a sign-off");
  }

  @Test
  void clubsAndCompaniesOfTheListAreOrganisationsThatGiveWayToLongerNames() {
    Map<String, Integer> names = names("t", "Werder Bremen beat Juventus and Olympiakos drew. "
        + "Shares in Mitsubishi Tokyo Financial Group rose; Vivendi Universal fell. Later Mitsubishi said it would buy.");
    assertEquals(Map.of("org Werder Bremen", 1, "org Juventus", 1, "org Olympiakos", 1,
        "org Mitsubishi Tokyo Financial Group", 2, "org Vivendi Universal", 1), names);
    // The model's other reading of a listed club's words does not win: "Manchester United's win" is no person's.
    assertTrue(names("t", "Scenes followed Manchester United's win over the Gunners.").containsKey("org Manchester United"));
  }

  @Test
  void clergyTitlesAreTitlesNotPartsOfTheName() {
    Map<String, Integer> names = names("t", "The Reverend Tamsin Quorvane led the service. Later Archbishop Quorvane said Rabbi Velko Drane agreed.");
    assertEquals(Map.of("person Tamsin Quorvane", 2, "person Velko Drane", 1), names);
  }

  @Test
  void aLineOfNamesTakesTheTypeMostOfThemHave() {
    // A squad's replacements: two people known by their given names type the others of the line.
    Map<String, Integer> bench = ruleNames("Replacements:\nF Quorvane, Michael Drellick, D O'Vantor, Thomas Pellow, K Brindlow.");
    assertTrue(bench.containsKey("person F Quorvane") && bench.containsKey("person D O'Vantor") && bench.containsKey("person K Brindlow"),
        bench.toString());
    // One typed name is no majority: it may be the one the rules got wrong.
    Map<String, Integer> one = ruleNames("Replacements:\nF Quorvane, D O'Vantor, Thomas Pellow, K Brindlow.");
    assertFalse(one.containsKey("person F Quorvane") || one.containsKey("person K Brindlow"), one.toString());
    // Inside a sentence a comma may be an apposition: only "and" or "or" makes a list there.
    Map<String, Integer> prose = ruleNames("Coaches named F Quorvane, Michael Drellick, D O'Vantor, Thomas Pellow, K Brindlow yesterday.");
    assertFalse(prose.containsKey("person F Quorvane"), prose.toString());
  }

  @Test
  void eMailAndWebAddressesNameNoOneButABareDomainNamesItsSite() {
    Map<String, Integer> names = names("t", "Write to Quinta.Pellow@vantorlabs.com or see "
        + "http://www.gulf-drellnews.com/Articles/news.asp?ArticleID=97508 and www.Brindle.net/UK/Home, or try Drelloway.com today.");
    assertEquals(Map.of("org Drelloway.com", 1), names);
  }

  @Test
  void aKnownPersonsTitleIsNotPartOfTheMention() {
    String text = "Analysts said President Xi would visit.";
    Entity xi = tag("t", text).stream().filter(e -> e.name().equals("Xi Jinping")).findFirst().orElseThrow();
    assertEquals(List.of("Xi"), xi.mentions().stream().map(m -> text.substring(m.start(), m.end())).toList());
  }

  @Test
  void aTownOfThePlacesFileIsAPlaceUnlessItsWordsSaySomethingElse() {
    assertTrue(names("t", "Workers in Basingstoke were told on Monday.").containsKey("place Basingstoke"));
    Map<String, Integer> longer = names("t", "Shares in Hartlepool Quarries Ltd rose.");
    assertTrue(longer.containsKey("org Hartlepool Quarries Ltd") && !longer.containsKey("place Hartlepool"), longer.toString());
    Map<String, Integer> squad = names("t", "England are without Jonny Wilkinson, Greenwood, Mike Tindall and Trevor Woodman.");
    assertTrue(squad.containsKey("person Greenwood") && !squad.containsKey("place Greenwood"), squad.toString());
    assertTrue(names("t", "Flooding closed roads in Leicestershire.").containsKey("place Leicestershire"));
    assertTrue(names("t", "Flooding closed roads in Kentucky.").containsKey("place Kentucky"));
    Map<String, Integer> title = names("t", "He praised Toshiyuki Vantorp yesterday. Mr Shiga said he was ready.");
    assertTrue(title.containsKey("person Shiga") && !title.containsKey("place Shiga"), title.toString());
    Map<String, Integer> mayor = names("t", "Ken Livingstone spoke first. Later Livingstone said fares would rise.");
    assertEquals(2, mayor.get("person Ken Livingstone"), mayor.toString());
    assertFalse(mayor.containsKey("place Livingstone"), mayor.toString());
  }

  @Test
  void armedGroupsAndAgenciesInTheNewsAreOrganisationsHoweverSpelt() {
    Map<String, Integer> names = names("t", "Officials said Hezbollah and Syria backed the plan, which bore the hallmarks of al Qaeda; "
        + "the Taliban and the FBI disagreed about al-Qaeda.");
    assertEquals(Map.of("org Hezbollah", 1, "place Syria", 1, "org al-Qaeda", 2, "org Taliban", 1, "org FBI", 1), names);
  }

  @Test
  void hyphenatedRoleWordsCountAsWritten() {
    assertTrue(ruleNames("France need scrum-half Dorvan Quellby to kick well.").containsKey("person Dorvan Quellby"));
    assertTrue(ruleNames("The film-maker Orla Vantrees spoke.").containsKey("person Orla Vantrees"));
    Map<String, Integer> club = ruleNames("Gloucester fly-half Henry Paul limped out.");
    assertTrue(club.containsKey("org Gloucester") && club.containsKey("person Henry Paul"), club.toString());
    Map<String, Integer> side = ruleNames("Former France fly-half Thomas Vantorp said the pressure was mounting.");
    assertTrue(side.containsKey("person Thomas Vantorp") && !side.containsKey("org Former France"), side.toString());
  }

  @Test
  void popularGivenNamesOfOtherCountriesStartAPersonsName() {
    assertTrue(ruleNames("Later Katerina Vollmarn won the race.").containsKey("person Katerina Vollmarn"));
    assertTrue(ruleNames("The goal came from Dimitar Quellov in the second half.").containsKey("person Dimitar Quellov"));
  }

  @Test
  void resultsAndPossessivesMakeATownItsClubButNotACountry() {
    assertTrue(ruleNames("It ended Gloucester 18-17 Bath on Saturday.").containsKey("org Gloucester"));
    assertTrue(ruleNames("He scored in Leicester's record 83-10 win.").containsKey("org Leicester"));
    Map<String, Integer> striker = ruleNames("Leeds's striker Alan Vantorp scored, but London's mayor Ken Quellby frowned.");
    assertTrue(striker.containsKey("org Leeds") && striker.containsKey("place London"), striker.toString());
    Map<String, Integer> sides = ruleNames("Jan Hernych of the Czech Republic won 7-5 6-3 and Turkey 2-1 Greece was the other result.");
    assertTrue(sides.containsKey("place Czech Republic") && sides.containsKey("place Turkey"), sides.toString());
  }

  @Test
  void willInsideASentenceBeforeASurnameIsAGivenName() {
    assertTrue(ruleNames("Critics say Will Quellby will win.").containsKey("person Will Quellby"));
    Map<String, Integer> song = ruleNames("They played We Will Rock You. Will it rain?");
    assertFalse(song.keySet().stream().anyMatch(n -> n.startsWith("person")), song.toString());
  }
}
