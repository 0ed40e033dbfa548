package newssearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAPI document served at /api/openapi.json parses with swagger-parser, documents every
 * endpoint, and real responses of each endpoint (successes and errors) match its schemas,
 * including that they carry no undocumented field.
 */
class ApiOpenApiTest {
  @TempDir static Path dir;
  static TestServer server;
  static OpenAPI api;

  @BeforeAll
  static void start() throws Exception {
    server = TestServer.start(dir);
    HttpResponse<String> doc = server.get("/api/openapi.json");
    assertEquals(200, doc.statusCode());
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setResolveFully(true);
    SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(doc.body(), null, options);
    assertTrue(parsed.getMessages() == null || parsed.getMessages().isEmpty(), "parser messages: " + parsed.getMessages());
    api = parsed.getOpenAPI();
    assertNotNull(api);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void documentsEveryEndpoint() {
    for (String path : List.of("/api/search", "/api/search.csv", "/api/suggest", "/api/facets/entity",
        "/api/articles/{id}", "/api/articles/{id}/related", "/api/health", "/api/openapi.json")) {
      assertNotNull(api.getPaths().get(path), path + " is documented");
      assertNotNull(api.getPaths().get(path).getGet(), "GET " + path + " is documented");
    }
    List<String> searchParams = api.getPaths().get("/api/search").getGet().getParameters().stream()
        .map(p -> p.getName()).toList();
    assertEquals(List.of("q", "match", "syntax", "topic", "topic_match", "entity", "entity_type", "source", "from", "to", "sort", "page",
        "size", "facet_size", "since"), searchParams);
  }

  @Test
  void searchResponsesMatchTheSchema() throws Exception {
    check("/api/search", "/api/search?q=nvidia", 200);
    check("/api/search", "/api/search?q=Nvida&topic=chips", 200);
    check("/api/search", "/api/search", 200);
    check("/api/search", "/api/search?q=chips&topic=chips&topic=trade&entity=Nobody&entity_type=org&facet_size=3", 200);
    check("/api/search", "/api/search?q=title:(&syntax=lucene", 400);
    check("/api/search", "/api/search?from=2025-13", 400);
    check("/api/search", "/api/search?size=101", 400);
  }

  @Test
  void otherResponsesMatchTheSchema() throws Exception {
    String id = server.getJson("/api/search?q=nvidia").get("hits").get(0).get("id").asText();
    check("/api/suggest", "/api/suggest?q=hua", 200);
    check("/api/suggest", "/api/suggest?q=hua&size=0", 400);
    check("/api/facets/entity", "/api/facets/entity?prefix=hu&type=org", 200);
    check("/api/articles/{id}", "/api/articles/" + id, 200);
    check("/api/articles/{id}", "/api/articles/no-such-article", 404);
    check("/api/articles/{id}/related", "/api/articles/" + id + "/related", 200);
    check("/api/articles/{id}/related", "/api/articles/no-such-article/related", 404);
    check("/api/health", "/api/health", 200);
  }

  private static void check(String path, String request, int status) throws Exception {
    HttpResponse<String> response = server.get(request);
    assertEquals(status, response.statusCode(), request + ": " + response.body());
    Operation get = api.getPaths().get(path).getGet();
    var documented = get.getResponses().get(Integer.toString(status));
    assertNotNull(documented, request + ": status " + status + " is documented");
    Schema<?> schema = documented.getContent().get("application/json").getSchema();
    List<String> errors = new ArrayList<>();
    validate(schema, TestServer.json(response), "$", errors);
    assertTrue(errors.isEmpty(), request + " does not match the OpenAPI schema: " + errors);
  }

  /** A small JSON Schema check for the OpenAPI 3.0 subset the document uses. */
  static void validate(Schema<?> schema, JsonNode node, String at, List<String> errors) {
    if (node.isNull()) {
      if (!Boolean.TRUE.equals(schema.getNullable())) {
        errors.add(at + " is null");
      }
      return;
    }
    String type = schema.getType();
    if (type == null) {
      return;
    }
    switch (type) {
      case "object" -> validateObject(schema, node, at, errors);
      case "array" -> {
        if (!node.isArray()) {
          errors.add(at + " is not an array");
          return;
        }
        if (schema.getMaxItems() != null && node.size() > schema.getMaxItems()) {
          errors.add(at + " has more than " + schema.getMaxItems() + " items");
        }
        for (int i = 0; i < node.size(); i++) {
          validate(schema.getItems(), node.get(i), at + "[" + i + "]", errors);
        }
      }
      case "string" -> {
        if (!node.isTextual()) {
          errors.add(at + " is not a string");
        } else if (schema.getEnum() != null && !schema.getEnum().contains(node.asText())) {
          errors.add(at + " = " + node.asText() + " is not one of " + schema.getEnum());
        }
      }
      case "integer" -> {
        if (!node.isIntegralNumber()) {
          errors.add(at + " is not an integer");
        } else if (schema.getMinimum() != null && node.asLong() < schema.getMinimum().longValue()) {
          errors.add(at + " is below " + schema.getMinimum());
        }
      }
      case "number" -> {
        if (!node.isNumber()) {
          errors.add(at + " is not a number");
        }
      }
      case "boolean" -> {
        if (!node.isBoolean()) {
          errors.add(at + " is not a boolean");
        }
      }
      default -> errors.add(at + ": unknown type " + type);
    }
  }

  private static void validateObject(Schema<?> schema, JsonNode node, String at, List<String> errors) {
    if (!node.isObject()) {
      errors.add(at + " is not an object");
      return;
    }
    @SuppressWarnings("rawtypes") // swagger-models declares its property map with the raw Schema type
    Map<String, Schema> properties = schema.getProperties() == null ? Map.of() : schema.getProperties();
    if (schema.getRequired() != null) {
      for (String r : schema.getRequired()) {
        if (!node.has(r)) {
          errors.add(at + " lacks " + r);
        }
      }
    }
    boolean open = Boolean.TRUE.equals(schema.getAdditionalProperties()) || properties.isEmpty();
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      Schema<?> property = properties.get(name);
      if (property != null) {
        validate(property, node.get(name), at + "." + name, errors);
      } else if (!open) {
        errors.add(at + "." + name + " is not documented");
      }
    }
  }
}
