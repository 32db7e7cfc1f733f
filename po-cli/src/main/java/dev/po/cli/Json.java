package dev.po.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * JSON output. Objects are built field by field so that the field order is the documented one
 * whatever Jackson's introspection would choose; printed indented by two, {@code "key": value}.
 * Written through a plain generator: an {@code ObjectMapper} would cost a tenth of a second of
 * start-up for nothing, and {@code po fleet status} is meant to be fast.
 */
public final class Json {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final JsonFactory FACTORY = new JsonFactory();

  private Json() {}

  public static ObjectNode object() {
    return NODES.objectNode();
  }

  public static ArrayNode array() {
    return NODES.arrayNode();
  }

  /**
   * A tree of the plain values po-core gives for its JSON shapes (maps in their order, lists,
   * strings, numbers, booleans and nulls).
   */
  public static JsonNode of(Object value) {
    if (value == null) {
      return NODES.nullNode();
    } else if (value instanceof java.util.Map<?, ?> map) {
      ObjectNode o = object();
      map.forEach((k, v) -> o.set(String.valueOf(k), of(v)));
      return o;
    } else if (value instanceof Iterable<?> list) {
      ArrayNode a = array();
      list.forEach(v -> a.add(of(v)));
      return a;
    } else if (value instanceof Boolean b) {
      return NODES.booleanNode(b);
    } else if (value instanceof Integer || value instanceof Long) {
      return NODES.numberNode(((Number) value).longValue());
    } else if (value instanceof Number n) {
      return NODES.numberNode(new java.math.BigDecimal(n.toString()));
    }
    return NODES.textNode(value.toString());
  }

  public static void print(PrintWriter out, JsonNode node) {
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
      g.setPrettyPrinter(pretty());
      write(g, node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.println();
  }

  // The nodes po builds hold objects, arrays, strings, booleans, numbers and nulls.
  private static void write(JsonGenerator g, JsonNode node) throws IOException {
    if (node.isObject()) {
      g.writeStartObject();
      for (var field : node.properties()) {
        g.writeFieldName(field.getKey());
        write(g, field.getValue());
      }
      g.writeEndObject();
    } else if (node.isArray()) {
      g.writeStartArray();
      for (JsonNode element : node) {
        write(g, element);
      }
      g.writeEndArray();
    } else if (node.isNull()) {
      g.writeNull();
    } else if (node.isBoolean()) {
      g.writeBoolean(node.booleanValue());
    } else if (node.isIntegralNumber()) {
      g.writeNumber(node.bigIntegerValue());
    } else if (node.isNumber()) {
      g.writeNumber(node.decimalValue());
    } else {
      g.writeString(node.asText());
    }
  }

  private static DefaultPrettyPrinter pretty() {
    return new DefaultPrettyPrinter()
        .withSeparators(
            Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator(""))
        .withArrayIndenter(new DefaultIndenter("  ", "\n"))
        .withObjectIndenter(new DefaultIndenter("  ", "\n"));
  }
}
