package org.trialstat.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.trialstat.model.DataException;
import org.trialstat.model.InvalidOptionException;

/**
 * One member (data set) of a SAS transport file, version 5 or 8, as a {@link TableSource}; the record
 * layout is described on {@link XptHeader} (SAS Institute, TS-140). Numbers are IBM floating point
 * ({@link IbmFloat}); character values are right-trimmed of the blanks that pad them and decoded as UTF-8
 * when they are valid UTF-8, else as ISO-8859-1 (the format does not record an encoding). Observations
 * are streamed: memory does not grow with the file.
 *
 * <p>The number of observations is not stored in version 5: the data end at the next member header or at
 * the end of the file, and blanks that fill the last record are padding (an observation made only of
 * blank character values in that place cannot be told from padding; SAS has the same ambiguity).
 *
 * <p>Errors name the file, the observation number ("record") and the variable.
 */
final class XptTableSource extends RecordTableSource {

  private static final int RECORD = XptHeader.RECORD;

  private final String file; // for messages (also RecordTableSource#file)
  private final RecordInput in;
  private final XptHeader header;
  private final byte[] obs;

  private XptTableSource(String file, RecordInput in, XptHeader header) {
    super(file);
    this.file = file;
    this.in = in;
    this.header = header;
    List<Column> cols = new ArrayList<>(header.variables.size());
    for (XptHeader.Variable v : header.variables) {
      cols.add(new Column(v.name(), v.numeric() ? ColumnType.NUMERIC : ColumnType.CHARACTER, v.label()));
    }
    columns(cols);
    this.obs = new byte[header.observationLength];
  }

  /** A member: its name and where its header starts. */
  record Member(String name, long offset) {
  }

  /** The members of a transport file, in file order. */
  static List<Member> members(Path path, String file) {
    List<Member> members = new ArrayList<>();
    try (RecordInput in = new RecordInput(InputFiles.open(path, file), file)) {
      boolean v8 = XptHeader.library(in, file);
      checkLength(path, file);
      while (in.ensure(RECORD) > 0) {
        if (in.ensure(RECORD) < RECORD) {
          throw XptHeader.truncated(file, "last record");
        }
        if (XptHeader.atMember(in)) {
          long offset = in.position();
          XptHeader h = XptHeader.member(in, file, v8);
          members.add(new Member(h.member, offset));
        } else {
          in.skip(RECORD);
        }
      }
    }
    if (members.isEmpty()) {
      throw new DataException(file, 0, 0, "the SAS transport file has no member (data set); expected at least"
          + " one");
    }
    return members;
  }

  /**
   * Opens the member called {@code member} (ignoring case), or the only member when it is null.
   *
   * @throws InvalidOptionException when the member does not exist, or when {@code member} is null and the
   *         file has several (the message lists them)
   */
  static XptTableSource open(Path path, String file, String member) {
    List<Member> members = members(path, file);
    Member chosen = null;
    if (member == null) {
      if (members.size() > 1) {
        throw new InvalidOptionException(file + ": the SAS transport file has " + members.size() + " members ("
            + names(members) + "); choose one with --member NAME");
      }
      chosen = members.get(0);
    } else {
      for (Member m : members) {
        if (m.name().equalsIgnoreCase(member)) {
          chosen = m;
          break;
        }
      }
      if (chosen == null) {
        throw new InvalidOptionException("--member " + member + ": " + file + " has no such member; its members: "
            + names(members));
      }
    }
    InputStream stream = InputFiles.open(path, file);
    RecordInput in = new RecordInput(stream, file);
    try {
      boolean v8 = XptHeader.library(in, file);
      long skip = chosen.offset() - in.position();
      while (skip > 0) {
        int n = (int) Math.min(skip, 1 << 16);
        if (in.ensure(n) < n) {
          throw XptHeader.truncated(file, "data");
        }
        in.skip(n);
        skip -= n;
      }
      return new XptTableSource(file, in, XptHeader.member(in, file, v8));
    } catch (RuntimeException e) {
      in.close();
      throw e;
    }
  }

  private static String names(List<Member> members) {
    List<String> n = new ArrayList<>();
    for (Member m : members) {
      n.add(m.name());
    }
    return String.join(", ", n);
  }

  private static void checkLength(Path path, String file) {
    try {
      long size = Files.size(path);
      if (size % RECORD != 0) {
        throw new DataException(file, 0, 0, String.format(Locale.ROOT, "file length %d bytes is not a multiple"
            + " of 80: a SAS transport file is made of 80-byte records (was it truncated, or transferred as"
            + " text with line ends added?)", size));
      }
    } catch (IOException e) {
      throw GuardedReader.cannotRead(file, e);
    }
  }

  /** The member's name. */
  String member() {
    return header.member;
  }

  @Override
  public boolean next() {
    long offset = in.position();
    int toBoundary = (int) ((RECORD - offset % RECORD) % RECORD);
    int available = in.ensure(toBoundary + RECORD);
    byte[] b = in.buffer();
    int at = in.offset();
    if (blank(b, at, Math.min(toBoundary, available))
        && (available <= toBoundary || startsWithMember(toBoundary))) {
      return false; // padding, then the end or the next member
    }
    int n = header.observationLength;
    available = in.ensure(n);
    b = in.buffer();
    at = in.offset();
    if (available < n) {
      if (blank(b, at, available)) {
        return false;
      }
      throw DataException.atRecord(file, record + 1, null, "the file ends inside this observation (" + available
          + " of its " + n + " bytes): the transport file is truncated");
    }
    System.arraycopy(b, at, obs, 0, n);
    in.skip(n);
    record++;
    return true;
  }

  private boolean startsWithMember(int from) {
    return in.startsWith(XptHeader.MEMBER_V5, from) || in.startsWith(XptHeader.MEMBER_V8, from);
  }

  private static boolean blank(byte[] b, int from, int n) {
    for (int i = from; i < from + n; i++) {
      if (b[i] != ' ') {
        return false;
      }
    }
    return true;
  }

  @Override
  public String text(int column) {
    XptHeader.Variable v = header.variables.get(column);
    if (v.numeric()) {
      double x = number(column);
      return Double.isNaN(x) ? "" : Cells.format(x);
    }
    int from = v.position();
    int end = from + v.length();
    while (end > from && (obs[end - 1] == ' ' || obs[end - 1] == 0)) {
      end--;
    }
    boolean ascii = true;
    for (int i = from; i < end; i++) {
      ascii &= obs[i] >= 0;
    }
    if (ascii) {
      return new String(obs, from, end - from, StandardCharsets.ISO_8859_1);
    }
    CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      return utf8.decode(ByteBuffer.wrap(obs, from, end - from)).toString();
    } catch (CharacterCodingException e) {
      return new String(obs, from, end - from, StandardCharsets.ISO_8859_1);
    }
  }

  @Override
  public double number(int column) {
    XptHeader.Variable v = header.variables.get(column);
    if (!v.numeric()) {
      throw new IllegalStateException("variable " + v.name() + " is character");
    }
    double x = IbmFloat.decode(obs, v.position(), v.length());
    if (IbmFloat.isNotANumber(x)) {
      StringBuilder hex = new StringBuilder();
      for (int i = 0; i < v.length(); i++) {
        hex.append(String.format(Locale.ROOT, "%02X", obs[v.position() + i] & 0xff));
      }
      throw error(column, "bytes " + hex + " are not a number as SAS writes it (an unnormalized or NaN-like"
          + " IBM floating-point value) nor a missing value; expected an IBM floating-point number, . or .A-.Z");
    }
    return x;
  }

  @Override
  public void close() {
    in.close();
  }
}
