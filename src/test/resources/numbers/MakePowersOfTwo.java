/*
 * Writes powers_of_two_jdk.csv: every power of two a double can hold (2^-1074 .. 2^1023) with the
 * Double.toString of a JDK 19 or later, whose algorithm is R. Giulietti's Schubfach (JDK-4511638), the
 * shortest decimal that round-trips, nearest to x among those.
 *
 * Run:  /usr/lib/jvm/temurin-25-jdk-amd64/bin/java src/test/resources/numbers/MakePowersOfTwo.java \
 *         > src/test/resources/numbers/powers_of_two_jdk.csv
 */
public class MakePowersOfTwo {
  public static void main(String[] args) {
    if (Runtime.version().feature() < 19) {
      throw new IllegalStateException("needs JDK 19 or later (Schubfach Double.toString)");
    }
    System.out.println("# bits (signed long) of 2^k, Double.toString on JDK " + Runtime.version()
        + "; made by MakePowersOfTwo.java in this folder");
    for (int k = -1074; k <= 1023; k++) {
      double x = Math.scalb(1.0, k);
      System.out.println(k + "," + Double.doubleToRawLongBits(x) + "," + Double.toString(x));
    }
  }
}
