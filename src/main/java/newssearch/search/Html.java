package newssearch.search;

/** HTML escaping for text placed in snippets and titles. */
final class Html {
  private Html() {}

  static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#x27;");
        case '/' -> out.append("&#x2F;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * The text of a highlighted passage: {@code <mark>} tags dropped and the entities the
   * highlighter writes turned back into characters, for exports that are not HTML.
   */
  static String plain(String html) {
    String s = html.replace("<mark>", "").replace("</mark>", "");
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      int semi = c == '&' ? s.indexOf(';', i) : -1;
      String decoded = semi > i && semi - i <= 10 ? entity(s.substring(i + 1, semi)) : null;
      if (decoded == null) {
        out.append(c);
        i++;
      } else {
        out.append(decoded);
        i = semi + 1;
      }
    }
    return out.toString();
  }

  private static String entity(String name) {
    try {
      return switch (name) {
        case "amp" -> "&";
        case "lt" -> "<";
        case "gt" -> ">";
        case "quot" -> "\"";
        case "apos" -> "'";
        default -> name.startsWith("#x") || name.startsWith("#X")
            ? Character.toString(Integer.parseInt(name.substring(2), 16))
            : name.startsWith("#") ? Character.toString(Integer.parseInt(name.substring(1))) : null;
      };
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
