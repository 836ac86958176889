package org.trialstat.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** JsonReader reads back what Json writes, and agrees with Jackson. */
class JsonReaderTest {

  @Test
  void roundTripsJsonOutputExactly() throws Exception {
    Map<String, Object> tree = Json.object();
    tree.put("a", 0.1 + 0.2);
    tree.put("b", List.of(1.5e-17, -0.90882695653209389, 42));
    tree.put("s", "quote \" backslash \\ newline \n tab \t unicode \u00e9 \u2028");
    tree.put("n", null);
    tree.put("t", Boolean.TRUE);
    tree.put("empty", List.of());
    tree.put("obj", Json.object());
    String text = Json.write(tree);
    Object back = JsonReader.parse(text);
    assertThat(Json.write(back)).isEqualTo(text);
    assertThat(JsonPath.number(back, "a")).isEqualTo(0.1 + 0.2);
    assertThat(JsonPath.number(back, "b[1]")).isEqualTo(-0.90882695653209389);
    // Jackson (test scope) parses the same text to the same values
    Object jackson = new ObjectMapper().readValue(text, Object.class);
    assertThat(((Map<?, ?>) jackson).get("s")).isEqualTo(((Map<?, ?>) back).get("s"));
  }

  @Test
  void rejectsMalformedJson() {
    assertThatThrownBy(() -> JsonReader.parse("{\"a\": 1,}")).isInstanceOf(JsonReader.JsonSyntaxException.class);
    assertThatThrownBy(() -> JsonReader.parse("[1 2]")).isInstanceOf(JsonReader.JsonSyntaxException.class);
    assertThatThrownBy(() -> JsonReader.parse("{} x")).isInstanceOf(JsonReader.JsonSyntaxException.class);
    assertThatThrownBy(() -> JsonReader.parse("\"abc")).isInstanceOf(JsonReader.JsonSyntaxException.class);
  }
}
