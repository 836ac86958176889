package org.trialstat.io;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.trialstat.model.DataException;

/**
 * The header records of a SAS transport file, after SAS Institute, <i>TS-140: The Record Layout of a Data
 * Set in SAS Transport (XPORT) Format</i> (version 5), and its companion <i>Record Layout of a SAS Version
 * 8 or 9 Data Set in SAS Transport Format</i> (version 8). A file is a sequence of 80-byte records:
 *
 * <ol>
 *   <li>the library header {@code HEADER RECORD*******LIBRARY HEADER RECORD!!!!!!!000...} ({@code LIBV8}
 *       in version 8) and two records of library information;
 *   <li>for each member (data set): the member header {@code MEMBER} ({@code MEMBV8}), whose bytes 75-78
 *       give the length of a NAMESTR record (140, or 136 on VAX/VMS); the descriptor header
 *       {@code DSCRPTR} ({@code DSCPTV8}); two records whose first holds the member name in bytes 9-16
 *       (version 8: 9-40); the NAMESTR header {@code NAMESTR} ({@code NAMSTV8}) with the number of
 *       variables in digits ending in byte 58; one NAMESTR per variable, back to back, padded with
 *       blanks to a record boundary; in version 8 optional {@code LABELV8}/{@code LABELV9} sections of
 *       long labels; the observation header {@code OBS} ({@code OBSV8}); then the observations, back to
 *       back, padded with blanks to a record boundary.
 * </ol>
 *
 * <p>A NAMESTR (big-endian): {@code ntype} (short, 1 numeric, 2 character) at 0, {@code nlng} (short,
 * length in the observation) at 4, {@code nname} (8 characters) at 8, {@code nlabel} (40) at 16,
 * {@code npos} (int, offset in the observation) at 84, and in version 8 the long name (32) at 88.
 */
final class XptHeader {

  static final int RECORD = 80;
  /** Longest observation accepted, in bytes (SAS allows 32,767 variables of up to 32,767 bytes). */
  static final int MAX_OBSERVATION = 1 << 24;
  private static final String PREFIX = "HEADER RECORD*******";
  static final byte[] LIBRARY_V5 = ascii(PREFIX + "LIBRARY HEADER RECORD!!!!!!!");
  static final byte[] LIBRARY_V8 = ascii(PREFIX + "LIBV8   HEADER RECORD!!!!!!!");
  static final byte[] MEMBER_V5 = ascii(PREFIX + "MEMBER  HEADER RECORD!!!!!!!");
  static final byte[] MEMBER_V8 = ascii(PREFIX + "MEMBV8  HEADER RECORD!!!!!!!");
  private static final byte[] ANY_HEADER = ascii(PREFIX);

  /** One variable: name, label, numeric or character, offset and length in the observation. */
  record Variable(String name, String label, boolean numeric, int position, int length) {
  }

  final boolean v8;
  final String member;
  final List<Variable> variables;
  final int observationLength;

  private XptHeader(boolean v8, String member, List<Variable> variables, int observationLength) {
    this.v8 = v8;
    this.member = member;
    this.variables = variables;
    this.observationLength = observationLength;
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  /** Whether {@code head} (the first bytes of a file) is a transport library header. */
  static boolean isTransport(byte[] head, int n) {
    return startsWith(head, n, LIBRARY_V5) || startsWith(head, n, LIBRARY_V8);
  }

  private static boolean startsWith(byte[] b, int n, byte[] prefix) {
    if (n < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (b[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Reads the library header: the input is left at the first member header.
   *
   * @return whether the file is version 8
   */
  static boolean library(RecordInput in, String file) {
    boolean v8 = in.startsWith(LIBRARY_V8, 0);
    if (!v8 && !in.startsWith(LIBRARY_V5, 0)) {
      throw new DataException(file, 0, 0, "not a SAS transport file: its first 80 bytes are not the library"
          + " header record (HEADER RECORD*******LIBRARY HEADER RECORD...); expected a SAS transport (XPORT)"
          + " file, as the XPORT engine of SAS or haven::write_xpt of R write it");
    }
    skipRecords(in, file, 3, "library header");
    return v8;
  }

  /** Whether the input is at a member header. */
  static boolean atMember(RecordInput in) {
    return in.startsWith(MEMBER_V5, 0) || in.startsWith(MEMBER_V8, 0);
  }

  /** Reads a member's header records, leaving the input at its first observation. */
  static XptHeader member(RecordInput in, String file, boolean v8) {
    byte[] b = record(in, file, "member header");
    int namestrLength = digits(b, 74, 4);
    if (!atMemberHeader(b, v8) || (namestrLength != 140 && namestrLength != 136)) {
      throw new DataException(file, 0, 0, "malformed member header record at byte " + (in.position() - RECORD)
          + "; expected HEADER RECORD*******" + (v8 ? "MEMBV8 " : "MEMBER ") + " HEADER RECORD with a NAMESTR"
          + " length of 140 or 136");
    }
    record(in, file, "descriptor header");
    b = record(in, file, "member descriptor");
    String name = text(b, 8, v8 ? 32 : 8);
    record(in, file, "member descriptor");
    b = record(in, file, "NAMESTR header");
    int count = digits(b, 48, 10); // the count ends in byte 58 (v5: bytes 55-58; writers of v8 vary)
    if (count < 0) {
      throw new DataException(file, 0, 0, "member " + name + ": malformed NAMESTR header record (no variable"
          + " count in bytes 49-58); expected a SAS transport file");
    }
    if (count > 32767) { // SAS's limit on the variables of a data set
      throw new DataException(file, 0, 0, "member " + name + ": the NAMESTR header announces " + count
          + " variables; expected at most 32767 (a damaged file?)");
    }
    int bytes = count * namestrLength;
    int padded = (bytes + RECORD - 1) / RECORD * RECORD;
    if (in.ensure(padded) < padded) {
      throw truncated(file, "variable descriptions (NAMESTR records) of member " + name);
    }
    byte[] buf = in.buffer();
    int base = in.offset();
    List<Variable> vars = new ArrayList<>(count);
    int obsLength = 0;
    long totalLength = 0;
    for (int k = 0; k < count; k++) {
      int o = base + k * namestrLength;
      int type = shortAt(buf, o);
      int length = shortAt(buf, o + 4);
      String vname = text(buf, o + 8, 8);
      if (v8 && namestrLength == 140) {
        String longName = text(buf, o + 88, 32);
        vname = longName.isEmpty() ? vname : longName;
      }
      String label = text(buf, o + 16, 40);
      int position = intAt(buf, o + 84);
      if ((type != 1 && type != 2) || length < 1 || (type == 1 && length > 8) || position < 0 || vname.isEmpty()) {
        throw new DataException(file, 0, 0, "member " + name + ": variable " + (k + 1) + " ("
            + (vname.isEmpty() ? "no name" : vname) + ") has a malformed description (type " + type + ", length "
            + length + ", position " + position + "); expected type 1 or 2 and a numeric length of 1 to 8");
      }
      vars.add(new Variable(vname, label, type == 1, position, length));
      obsLength = (int) Math.min(Integer.MAX_VALUE, Math.max(obsLength, (long) position + length));
      totalLength += length;
    }
    if (obsLength > MAX_OBSERVATION) {
      throw new DataException(file, 0, 0, "member " + name + ": an observation of " + obsLength + " bytes;"
          + " expected at most " + MAX_OBSERVATION + " (a damaged file?)");
    }
    if (obsLength > totalLength) { // SAS packs the variables of an observation without gaps
      throw new DataException(file, 0, 0, "member " + name + ": the variables end at byte " + obsLength
          + " of an observation but their lengths add up to " + totalLength + "; expected variables packed"
          + " one after another (a damaged file?)");
    }
    in.skip(padded);
    // Version 8 may add LABELV8/LABELV9 sections before the observation header: skip to it.
    while (true) {
      b = record(in, file, "observation header");
      String kind = new String(b, 20, 8, StandardCharsets.US_ASCII);
      if (startsWith(b, RECORD, ANY_HEADER) && kind.startsWith("OBS")) {
        break;
      }
      if (!v8) {
        throw new DataException(file, 0, 0, "member " + name + ": expected the observation header record"
            + " (HEADER RECORD*******OBS     HEADER RECORD) after the variable descriptions; found another"
            + " record: the file is not a SAS transport file or is damaged");
      }
    }
    if (obsLength == 0) {
      throw new DataException(file, 0, 0, "member " + name + " has no variables; expected a data set");
    }
    return new XptHeader(v8, name, vars, obsLength);
  }

  private static boolean atMemberHeader(byte[] b, boolean v8) {
    return startsWith(b, RECORD, v8 ? MEMBER_V8 : MEMBER_V5);
  }

  /** Reads and consumes one 80-byte record. */
  private static byte[] record(RecordInput in, String file, String what) {
    if (in.ensure(RECORD) < RECORD) {
      throw truncated(file, what);
    }
    byte[] b = new byte[RECORD];
    System.arraycopy(in.buffer(), in.offset(), b, 0, RECORD);
    in.skip(RECORD);
    return b;
  }

  private static void skipRecords(RecordInput in, String file, int n, String what) {
    for (int i = 0; i < n; i++) {
      record(in, file, what);
    }
  }

  static DataException truncated(String file, String what) {
    return new DataException(file, 0, 0, "the file ends in the " + what + ": the transport file is truncated;"
        + " expected complete 80-byte records");
  }

  private static int digits(byte[] b, int from, int n) {
    int v = 0;
    for (int i = from; i < from + n; i++) {
      if (b[i] < '0' || b[i] > '9') {
        return -1;
      }
      v = v * 10 + (b[i] - '0');
    }
    return v;
  }

  private static int shortAt(byte[] b, int o) {
    return (short) (((b[o] & 0xff) << 8) | (b[o + 1] & 0xff));
  }

  private static int intAt(byte[] b, int o) {
    return ((b[o] & 0xff) << 24) | ((b[o + 1] & 0xff) << 16) | ((b[o + 2] & 0xff) << 8) | (b[o + 3] & 0xff);
  }

  /** Header text (names, labels), right-trimmed of blanks and NULs; control characters become '?'. */
  static String text(byte[] b, int from, int n) {
    int end = from + n;
    while (end > from && (b[end - 1] == ' ' || b[end - 1] == 0)) {
      end--;
    }
    char[] c = new char[end - from];
    for (int i = 0; i < c.length; i++) {
      int v = b[from + i] & 0xff;
      c[i] = v < 0x20 || v == 0x7f ? '?' : (char) v;
    }
    return new String(c);
  }
}
