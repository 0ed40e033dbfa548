package newssearch.enrich;

/** A name found at one place: known, or discovered (its type may still be unknown: null). */
final class Found {
  final String field;
  final int start;
  final int end;
  final String name;
  String type;
  final boolean discovered;
  final boolean partial;
  /** A town read as the club named after it ("Gloucester centre"): its reading wins for every mention of the name. */
  boolean club;
  /**
   * A name known only from the lists of places and organisations: a longer name around it may
   * win, and for a town also a club, a person's surname or the model's other reading of it.
   */
  boolean listed;
  /** {@link Entity#origin()}: gazetteer, rules or model. */
  final String origin;

  Found(String field, int start, int end, String name, String type, boolean discovered, boolean partial) {
    this(field, start, end, name, type, discovered, partial, discovered ? Entity.RULES : Entity.GAZETTEER);
  }

  Found(String field, int start, int end, String name, String type, boolean discovered, boolean partial, String origin) {
    this.origin = origin;
    this.field = field;
    this.start = start;
    this.end = end;
    this.name = name;
    this.type = type;
    this.discovered = discovered;
    this.partial = partial;
  }

  String firstWord() {
    int space = name.indexOf(' ');
    return space < 0 ? name : name.substring(0, space);
  }

  String lastWord() {
    return name.substring(name.lastIndexOf(' ') + 1);
  }

  boolean severalWords() {
    return name.indexOf(' ') > 0;
  }
}
