package org.trialstat.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;
import org.trialstat.model.DataException;
import org.trialstat.model.Plan;

/**
 * Reads a TOML analysis plan (TOML 1.0 by tomlj) and checks it against the schema of docs/usage.md:
 * unknown keys, wrong types and missing required keys are errors naming the plan's line and the key.
 */
public final class PlanReader {
  private static final Set<String> TOP = Set.of("defaults", "analysis");
  private static final Set<String> DEFAULTS = Set.of("files", "options");
  private static final Set<String> ANALYSIS = Set.of("name", "command", "options", "files", "formats", "subgroups",
      "defaults");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

  private PlanReader() {
  }

  /** Reads and checks a plan. */
  public static Plan read(Path file, String name) {
    TomlParseResult toml;
    try (InputStream in = InputFiles.open(file, name)) {
      toml = Toml.parse(in);
    } catch (IOException e) {
      throw new DataException(name, 0, 0, "cannot read the plan (" + e.getMessage() + ")");
    }
    if (toml.hasErrors()) {
      TomlParseError e = toml.errors().get(0);
      throw new DataException(name, e.position().line(), e.position().column(), "not valid TOML: " + e.getMessage());
    }
    keys(toml, TOP, "", name);
    List<String> files = List.of();
    List<String> options = List.of();
    Object d = toml.get("defaults");
    if (d != null) {
      TomlTable defaults = table(toml, "defaults", d, name);
      keys(defaults, DEFAULTS, "defaults.", name);
      files = strings(defaults, "files", "defaults.", name, List.of());
      options = strings(defaults, "options", "defaults.", name, List.of());
    }
    Object a = toml.get("analysis");
    if (a == null) {
      throw new DataException(name, 0, 0, "no [[analysis]]: expected at least one analysis table");
    }
    if (!(a instanceof TomlArray list) || !all(list, TomlTable.class)) {
      throw new DataException(name, toml.inputPositionOf("analysis").line(), 0,
          "analysis: expected [[analysis]] tables");
    }
    List<Plan.Analysis> analyses = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      TomlTable t = list.getTable(i);
      String where = "analysis[" + (i + 1) + "].";
      long line = list.inputPositionOf(i).line();
      keys(t, ANALYSIS, where, name);
      String analysisName = string(t, "name", where, name, line);
      if (!NAME.matcher(analysisName).matches()) {
        throw new DataException(name, t.inputPositionOf("name").line(), 0, where + "name: '" + analysisName
            + "' is not a file-name-safe name; expected letters, digits, '_', '.', '-'");
      }
      if (names.contains(analysisName)) {
        throw new DataException(name, t.inputPositionOf("name").line(), 0, where + "name: '" + analysisName
            + "' is the name of an earlier analysis; expected unique names");
      }
      names.add(analysisName);
      String command = string(t, "command", where, name, line);
      Object useDefaults = t.get("defaults");
      if (useDefaults != null && !(useDefaults instanceof Boolean)) {
        throw new DataException(name, t.inputPositionOf("defaults").line(), 0, where
            + "defaults: expected true or false (whether [defaults] options and files apply)");
      }
      analyses.add(new Plan.Analysis(analysisName, command, !Boolean.FALSE.equals(useDefaults),
          strings(t, "options", where, name, List.of()),
          strings(t, "files", where, name, null), strings(t, "formats", where, name, List.of("json")),
          strings(t, "subgroups", where, name, List.of()), line));
    }
    return new Plan(name, files, options, analyses);
  }

  private static void keys(TomlTable t, Set<String> allowed, String prefix, String name) {
    for (String k : t.keySet()) {
      if (!allowed.contains(k)) {
        throw new DataException(name, t.inputPositionOf(k).line(), 0, "unknown key '" + prefix + k + "'; expected "
            + String.join(", ", allowed.stream().sorted().map(x -> prefix + x).toList()));
      }
    }
  }

  private static TomlTable table(TomlTable parent, String key, Object v, String name) {
    if (v instanceof TomlTable t) {
      return t;
    }
    throw new DataException(name, parent.inputPositionOf(key).line(), 0, key + ": expected a table [" + key + "]");
  }

  private static String string(TomlTable t, String key, String prefix, String name, long line) {
    Object v = t.get(key);
    if (v == null) {
      throw new DataException(name, line, 0, prefix + key + ": missing; expected a string");
    }
    if (!(v instanceof String s) || s.isBlank()) {
      throw new DataException(name, t.inputPositionOf(key).line(), 0, prefix + key + ": expected a non-empty string");
    }
    return s;
  }

  private static List<String> strings(TomlTable t, String key, String prefix, String name, List<String> absent) {
    Object v = t.get(key);
    if (v == null) {
      return absent;
    }
    if (!(v instanceof TomlArray arr) || !all(arr, String.class)) {
      throw new DataException(name, t.inputPositionOf(key).line(), 0, prefix + key
          + ": expected an array of strings, for example [\"a\", \"b\"]");
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < arr.size(); i++) {
      out.add(arr.getString(i));
    }
    return out;
  }

  private static boolean all(TomlArray arr, Class<?> type) {
    for (int i = 0; i < arr.size(); i++) {
      if (!type.isInstance(arr.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** The plan's folder, against which its relative file paths resolve. */
  public static Path folder(Path plan) {
    Path parent = plan.toAbsolutePath().getParent();
    return parent == null ? Path.of(".") : parent;
  }
}
