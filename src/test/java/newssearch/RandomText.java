package newssearch;

import java.util.Random;
import java.util.function.Consumer;

/**
 * Many short random texts made of given pieces: for checking code written by hand against the
 * pattern or rule that defines it, on inputs nobody thought of.
 */
public final class RandomText {
  private RandomText() {}

  /** Gives {@code consumer} {@code count} texts of up to {@code maxPieces} pieces each, the same for the same seed. */
  public static void each(long seed, int count, int maxPieces, String[] pieces, Consumer<String> consumer) {
    Random random = new Random(seed);
    for (int n = 0; n < count; n++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(maxPieces + 1); i > 0; i--) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      consumer.accept(text.toString());
    }
  }
}
