package newssearch.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Optional;

/**
 * Reads a corpus file as text. UTF-8 with or without a byte order mark; a file that is not valid
 * UTF-8 is decoded as Windows-1252 (which covers Latin-1) with a warning. Empty, binary and
 * oversized files are skipped and reported.
 */
public final class RawText {
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private RawText() {}

  public static Optional<String> read(SourceFile file, long maxBytes, IngestReport report) {
    byte[] bytes;
    try {
      long size = Files.size(file.path());
      if (size > maxBytes) {
        report.skip(SkipReason.TOO_LARGE, file.toString(),
            size + " bytes, limit " + maxBytes + ": max-file-bytes in " + IngestRules.FILE);
        return Optional.empty();
      }
      bytes = Files.readAllBytes(file.path());
    } catch (IOException e) {
      report.skip(SkipReason.UNREADABLE, file.toString(), e.getMessage());
      return Optional.empty();
    }
    if (isBlank(bytes)) {
      report.skip(SkipReason.EMPTY, file.toString(), null);
      return Optional.empty();
    }
    if (looksBinary(bytes)) {
      report.skip(SkipReason.BINARY, file.toString(), null);
      return Optional.empty();
    }
    return Optional.of(decode(bytes, file, report));
  }

  static String decode(byte[] bytes, SourceFile file, IngestReport report) {
    int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
    ByteBuffer buffer = ByteBuffer.wrap(bytes, start, bytes.length - start);
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(buffer)
          .toString();
    } catch (CharacterCodingException e) {
      report.decodedAsWindows1252(file.toString());
      return new String(bytes, start, bytes.length - start, WINDOWS_1252);
    }
  }

  private static boolean isBlank(byte[] bytes) {
    for (byte b : bytes) {
      if (!Character.isWhitespace(b & 0xFF) && (b & 0xFF) != 0xEF && (b & 0xFF) != 0xBB && (b & 0xFF) != 0xBF) {
        return false;
      }
    }
    return true;
  }

  /** A NUL byte, or many control characters, in the first 8 KiB mean the file is not text. */
  private static boolean looksBinary(byte[] bytes) {
    int n = Math.min(bytes.length, 8192);
    int control = 0;
    for (int i = 0; i < n; i++) {
      int b = bytes[i] & 0xFF;
      if (b == 0) {
        return true;
      }
      if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f') {
        control++;
      }
    }
    return control > n / 10;
  }
}
