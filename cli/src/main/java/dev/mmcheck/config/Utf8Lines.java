package dev.mmcheck.config;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Decodes a {@code .jpf} file strictly as UTF-8 into lines (split at {@code \n}, {@code \r\n}
 * or {@code \r}, as {@link java.nio.file.Files#readAllLines} does). A byte-order mark and any
 * byte sequence that is not UTF-8 are {@link ConfigException}s naming the file, line and column,
 * so that a file saved as Latin-1 or UTF-16 says so instead of failing later with a mangled key.
 * Stateless.
 */
final class Utf8Lines {
  private Utf8Lines() {}

  static List<String> decode(byte[] bytes, Path display) {
    if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
      throw new ConfigException(Origin.of(display, 1), "the file starts with a UTF-8 byte-order mark (BOM)",
          "save it as UTF-8 without a BOM (most editors have the choice; or: sed -i '1s/^\\xEF\\xBB\\xBF//' file)");
    }
    if (startsWith(bytes, 0xFE, 0xFF) || startsWith(bytes, 0xFF, 0xFE)) {
      throw new ConfigException(Origin.of(display, 1), "the file is UTF-16 (it starts with a UTF-16 byte-order mark)",
          "save it as UTF-8 (e.g. iconv -f UTF-16 -t UTF-8)");
    }
    CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult r = d.decode(in, out, true);
    if (r.isError()) {
      int at = in.position();
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < at; i++) {
        if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n'))) {
          line++;
          lineStart = i + 1;
        }
      }
      throw new ConfigException(Origin.of(display, line), String.format(Locale.ROOT,
          "not UTF-8: byte 0x%02X at column %d is not valid UTF-8", bytes[at] & 0xFF, at - lineStart + 1),
          "mmcheck reads .jpf files as UTF-8; convert it, e.g. iconv -f ISO-8859-1 -t UTF-8 file > new");
    }
    d.flush(out);
    out.flip();
    return out.toString().lines().toList();
  }

  private static boolean startsWith(byte[] b, int... prefix) {
    if (b.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((b[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
