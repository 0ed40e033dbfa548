package newssearch.enrich;

/** The longest gazetteer name that starts at a word: its meaning and the word after its end. */
final class GazetteerMatch {
  final Gazetteer.Name name;
  final int end;

  GazetteerMatch(Gazetteer.Name name, int end) {
    this.name = name;
    this.end = end;
  }
}
