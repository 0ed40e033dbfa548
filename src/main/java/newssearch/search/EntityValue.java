package newssearch.search;

/** An entity facet value found by facet search, with the number of articles naming it. */
public record EntityValue(String value, String type, long count) {}
