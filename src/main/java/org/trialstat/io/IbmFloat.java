package org.trialstat.io;

/**
 * IBM System/370 hexadecimal floating point, as SAS transport files store numbers (SAS Institute,
 * <i>TS-140: The Record Layout of a Data Set in SAS Transport (XPORT) Format</i>, section "Numeric
 * data fields"; IBM, <i>System/370 Principles of Operation</i>, GA22-7000, chapter "Floating-Point
 * Instructions").
 *
 * <p>Eight bytes, big-endian: a sign bit, a 7-bit exponent in excess-64 notation of a power of 16, and a
 * 56-bit fraction {@code f}: value = (-1)^sign x (f / 2^56) x 16^(exponent - 64). A variable shorter
 * than 8 bytes (SAS {@code LENGTH} 2 to 7) keeps the first bytes; the missing ones are zeros. The
 * conversion to an IEEE double rounds the 56-bit fraction to 53 bits to nearest (Java's long-to-double
 * conversion, then an exact power-of-two scaling); every IBM value lies within the double range.
 *
 * <p>Missing values (TS-140, "Missing values"): the first byte is {@code .} (0x2E, SAS's {@code .}),
 * {@code A}-{@code Z} ({@code .A}-{@code .Z}) or {@code _} ({@code ._}) and every other byte is zero.
 * All are read as NaN (a missing value; trialstat does not tell special missing values apart).
 *
 * <p>What SAS never writes is refused rather than guessed at ({@link #NOT_A_NUMBER}): a fraction whose
 * leading hexadecimal digit is zero although the fraction is not (an unnormalized number), and a zero
 * fraction with a non-zero exponent that is not a missing-value code.
 */
final class IbmFloat {

  /** What {@link #decode} returns for bytes that are neither a number SAS writes nor a missing value. */
  static final double NOT_A_NUMBER = Double.longBitsToDouble(0x7ff8dead00000000L);

  private IbmFloat() {
  }

  /**
   * Decodes {@code length} bytes (1 to 8) at {@code offset}.
   *
   * @return the value, NaN for a missing value, or {@link #NOT_A_NUMBER} (test with
   *         {@link #isNotANumber}) for a malformed one
   */
  static double decode(byte[] b, int offset, int length) {
    long bits = 0;
    for (int i = 0; i < 8; i++) {
      bits = (bits << 8) | (i < length ? b[offset + i] & 0xff : 0);
    }
    long fraction = bits & 0x00ff_ffff_ffff_ffffL;
    int first = (int) (bits >>> 56);
    if (fraction == 0) {
      if (first == 0x2e || first == 0x5f || (first >= 0x41 && first <= 0x5a)) {
        return Double.NaN;
      }
      if (first == 0 || first == 0x80) {
        return first == 0 ? 0.0 : -0.0;
      }
      return NOT_A_NUMBER;
    }
    if ((fraction & 0x00f0_0000_0000_0000L) == 0) {
      return NOT_A_NUMBER;
    }
    int exponent = first & 0x7f;
    double v = Math.scalb((double) fraction, 4 * (exponent - 64) - 56);
    return (first & 0x80) != 0 ? -v : v;
  }

  /** Whether {@code v} is the {@link #NOT_A_NUMBER} marker. */
  static boolean isNotANumber(double v) {
    return Double.doubleToRawLongBits(v) == Double.doubleToRawLongBits(NOT_A_NUMBER);
  }
}
