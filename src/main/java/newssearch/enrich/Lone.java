package newssearch.enrich;

/**
 * A lone capitalised word, which may be a short mention of a name found elsewhere.
 *
 * @param honorific after "Mr", "Ms", "Sir"...: certainly a person
 * @param speaker next to a speech verb ("said Yelling"): a person if a full name matches
 */
record Lone(String field, int start, int end, String key, boolean honorific, boolean speaker) {}
